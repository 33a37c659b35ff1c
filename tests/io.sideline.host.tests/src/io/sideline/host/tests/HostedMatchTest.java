package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.hello;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.host.HostedMatch;
import io.sideline.local.LocalMatch;
import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.LookupServerConfig;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportRegistry;
import io.sideline.sport.football.Football;
import io.sideline.testing.Await;
import io.sideline.testing.LookupFixture;
import io.sideline.testing.MutableClock;

/**
 * A match hosted and registered with a real lookup server, as {@code ./sideline host} and the workbench run
 * it: peers find the host through the lookup server, the host's heartbeats keep the match live and carry
 * its address, a restarted host is found at its new address with its timeline, and a lookup server that
 * goes away does not stop the match.
 */
class HostedMatchTest {

    private static final Sport FOOTBALL = new Football();
    private static final Instant KICK_OFF = Instant.now().minusSeconds(60); // started: heartbeats make it live

    /** @return the time of an event {@code second} seconds after the kick-off: a match hosted now takes no other */
    private static long at(int second) {
        return KICK_OFF.plusSeconds(second).toEpochMilli();
    }

    @TempDir
    Path dir;
    private LookupFixture lookup;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        if (lookup != null) {
            lookup.close();
        }
    }

    private HostedMatch.Builder hosting(Session owner) {
        return HostedMatch.with(lookup.client, owner).sports(SportRegistry.of(FOOTBALL))
                .dataDir(dir.resolve("journals")).heartbeat(Duration.ofMillis(200)).log(log::add);
    }

    private HostedMatch create(QuorumPolicy quorum) throws Exception {
        HostedMatch m = hosting(lookup.session("ana")).create("Turkey – Italy", FOOTBALL, List.of("Turkey", "Italy"),
                KICK_OFF, quorum);
        open.add(m);
        return m;
    }

    private final Map<Peer, String> tokens = new ConcurrentHashMap<>();

    /** joins through the lookup server, as a peer does: a ticket, then the host's address and a hello */
    private Peer join(String user, String matchId, long lastSeq) throws Exception {
        JoinTicket ticket = lookup.client.join(lookup.session(user), matchId).get();
        Peer p = new Peer(URI.create(ticket.hostUrl()));
        open.add(p);
        tokens.put(p, ticket.token());
        p.send(hello(ticket.token(), lastSeq));
        return p;
    }

    /** reports with the token the peer joined with */
    private void report(Peer p, String title, String origin, long eventMillis) throws Exception {
        p.send(Wire.report(tokens.get(p), title, origin, eventMillis));
    }

    @Test
    void peersWhoJoinThroughTheLookupServerReachTheHostAndTheirMatchingReportsAreAccepted() throws Exception {
        lookup = LookupFixture.start(dir.resolve("lookup"), "ana", "ben", "carla");
        HostedMatch hosted = create(new QuorumPolicy(2, 0));

        Match registered = lookup.client.match(lookup.session("ben"), hosted.match().id()).get();
        assertEquals("ws://127.0.0.1:" + hosted.host().port() + "/match", registered.hostUrl(),
                "the lookup server sends joiners to the port the host really listens on");
        assertEquals("football", registered.sport());
        assertEquals(new QuorumPolicy(2, 0), registered.quorum());

        Peer ben = join("ben", registered.id(), 0);
        Peer carla = join("carla", registered.id(), 0);
        Setup setup = ben.next(Setup.class);
        assertEquals(List.of("Turkey", "Italy"), setup.origins());
        assertEquals(FOOTBALL.actions().stream().map(a -> a.label()).toList(), setup.actions(),
                "the setup offers the sport's actions");
        carla.next(Setup.class);

        report(ben, "Goal", "Italy", at(53));
        report(carla, "Goal", "Italy", at(53));
        for (Peer p : List.of(ben, carla)) {
            Accepted goal = p.next(Accepted.class);
            assertEquals("Goal", goal.event().title());
            assertEquals("Italy", goal.event().origin());
            assertEquals(2, goal.votes(), "two distinct peers reported it");
        }
        assertEquals(1, hosted.host().lastSeq());
    }

    @Test
    void aHostBehindAProxyOrKnownByANameIsAdvertisedThatWay() throws Exception {
        lookup = LookupFixture.start(dir.resolve("lookup"), "ana", "ben");
        HostedMatch proxied = hosting(lookup.session("ana")).advertiseHost("wss://sideline.example.org/match")
                .create("Turkey – Italy", FOOTBALL, List.of("Turkey", "Italy"), KICK_OFF, QuorumPolicy.DEFAULT);
        open.add(proxied);
        assertEquals("wss://sideline.example.org/match", lookup.client.join(lookup.session("ben"),
                proxied.match().id()).get().hostUrl(), "a proxy's URL, as given");
        HostedMatch named = hosting(lookup.session("ana")).advertiseHost("host-7.example.org")
                .create("Wales – Switzerland", FOOTBALL, List.of("Wales", "Switzerland"), KICK_OFF, QuorumPolicy.DEFAULT);
        open.add(named);
        assertEquals("ws://host-7.example.org:" + named.host().port() + "/match", lookup.client.join(
                lookup.session("ben"), named.match().id()).get().hostUrl(), "the name, with the port it listens on");
    }

    @Test
    void heartbeatsKeepTheMatchLiveAndStopWhenTheHostStops() throws Exception {
        lookup = LookupFixture.start(dir.resolve("lookup"), "ana", "ben");
        HostedMatch hosted = create(QuorumPolicy.DEFAULT);
        String id = hosted.match().id();

        Instant first = lookup.client.match(lookup.session("ben"), id).get().lastHeartbeat();
        Await.until("a later heartbeat reaches the lookup server", () -> heartbeat(id).isAfter(first));
        assertEquals(MatchState.LIVE, lookup.client.match(lookup.session("ben"), id).get().state(),
                "a started match whose host beats is live");
        assertEquals(MatchState.LIVE, hosted.lastState());

        hosted.close();
        Instant last = heartbeat(id);
        Thread.sleep(1_000); // five intervals
        assertEquals(last, heartbeat(id), "a stopped host sends no more heartbeats");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("stopped hosting " + id)), log.toString());
    }

    private Instant heartbeat(String matchId) {
        return lastHeartbeat(lookup.session("ben"), matchId);
    }

    private Instant lastHeartbeat(Session viewer, String matchId) {
        try {
            return lookup.client.match(viewer, matchId).get().lastHeartbeat();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aHostResumedOnAnotherPortIsFoundThereWithItsTimelineAndItsSequenceGoesOn() throws Exception {
        lookup = LookupFixture.start(dir.resolve("lookup"), "ana", "ben", "carla");
        HostedMatch first = create(QuorumPolicy.SOLO);
        String id = first.match().id();
        Peer ben = join("ben", id, 0);
        ben.next(Setup.class);
        report(ben, "Goal", "Italy", at(53));
        assertEquals(1, ben.next(Accepted.class).seq());
        int oldPort = first.host().port();
        first.close();
        ben.awaitClose();

        HostedMatch again = hosting(lookup.session("ana")).resume(id);
        open.add(again);
        assertNotEquals(oldPort, again.host().port(), "a free port, most likely another one");
        Await.until("the lookup server has the new address", () -> hostUrl(id).equals(again.url()));

        Peer carla = join("carla", id, 0);
        Setup setup = carla.next(Setup.class);
        assertEquals(1, setup.lastSeq(), "the journal came back");
        Accepted caughtUp = carla.next(Accepted.class);
        assertEquals(1, caughtUp.seq());
        assertEquals("Goal", caughtUp.event().title());
        report(carla, "Yellow card", "Turkey", at(60));
        assertEquals(2, carla.next(Accepted.class, a -> a.seq() > 1).seq(), "the sequence goes on");
    }

    private String hostUrl(String matchId) {
        try {
            return lookup.client.match(lookup.session("ben"), matchId).get().hostUrl();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheOwnerMayHostAMatchAndOnlyOfASportInstalledHere() throws Exception {
        lookup = LookupFixture.start(dir.resolve("lookup"), "ana", "ben");
        Match anas = lookup.createMatch("ana");
        LookupException notYours = assertThrows(LookupException.class,
                () -> hosting(lookup.session("ben")).resume(anas.id()));
        assertTrue(notYours.is(LookupError.FORBIDDEN), notYours.code());
        assertTrue(notYours.getMessage().contains("belongs to ana"), notYours.getMessage());

        Match curling = lookup.client.create(lookup.session("ana"), new MatchDraft("Sweden – Scotland", "curling",
                List.of("Sweden", "Scotland"), KICK_OFF, QuorumPolicy.DEFAULT, "ws://127.0.0.1:1/match")).get();
        IllegalArgumentException noSport = assertThrows(IllegalArgumentException.class,
                () -> hosting(lookup.session("ana")).resume(curling.id()));
        assertTrue(noSport.getMessage().contains("curling"), noSport.getMessage());

        LookupException missing = assertThrows(LookupException.class,
                () -> hosting(lookup.session("ana")).resume("nosuchmatch1"));
        assertTrue(missing.is(LookupError.NOT_FOUND), missing.code());
    }

    @Test
    void whenTheLookupServerGoesAwayTheMatchGoesOnAndTheHostSaysSoThenCarriesOnWhenItIsBack() throws Exception {
        Path data = dir.resolve("lookup");
        LookupServer server = LookupServer.start(LookupServerConfig.builder().port(0).dataDir(data).localNetwork(true).build());
        int port = server.port();
        LookupClient client = LookupClient.create(server.uri());
        open.add(client);
        client.register("ana", LookupFixture.PASSWORD).get();
        client.register("ben", LookupFixture.PASSWORD).get();
        Session ana = client.identify("ana", LookupFixture.PASSWORD).get();
        Session ben = client.identify("ben", LookupFixture.PASSWORD).get();
        HostedMatch hosted = HostedMatch.with(client, ana).dataDir(dir.resolve("journals"))
                .heartbeat(Duration.ofMillis(200)).log(log::add)
                .create("Turkey – Italy", FOOTBALL, List.of("Turkey", "Italy"), KICK_OFF, QuorumPolicy.SOLO);
        open.add(hosted);
        JoinTicket ticket = client.join(ben, hosted.match().id()).get();
        Peer peer = new Peer(URI.create(ticket.hostUrl()));
        open.add(peer);
        peer.send(hello(ticket.token(), 0));
        peer.next(Setup.class);

        server.close();
        Await.until("the host says its heartbeat did not get through",
                () -> log.stream().anyMatch(l -> l.startsWith("heartbeat not delivered")), log::toString);
        peer.send(Wire.report(ticket.token(), "Goal", "Italy", at(53)));
        assertEquals("Goal", peer.next(Accepted.class).event().title(), "a peer already in goes on reporting");
        assertEquals(1, log.stream().filter(l -> l.startsWith("heartbeat not delivered")).count(),
                "said once, not every 200 ms: " + log);

        LookupServer back = LookupServer.start(LookupServerConfig.builder().port(port).dataDir(data).localNetwork(true).build());
        try {
            Await.until("the host notices the lookup server is back",
                    () -> log.stream().anyMatch(l -> l.startsWith("the lookup server answers again")), log::toString);
            Instant beat = client.match(ben, hosted.match().id()).get(10, TimeUnit.SECONDS).lastHeartbeat();
            assertTrue(beat.isAfter(Instant.now().minusSeconds(5)), "heartbeats arrive again: " + beat);
        } finally {
            hosted.close();
            back.close();
        }
    }

    @Test
    void aHostWhoseSessionExpiredIdentifiesAgainAndKeepsBeating() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        lookup = LookupFixture.start(dir.resolve("lookup"), clock, b -> b.sessionTtl(Duration.ofHours(1)), "ana", "ben");
        List<Session> renewed = new CopyOnWriteArrayList<>();
        HostedMatch hosted = hosting(lookup.session("ana")).reidentify(() -> lookup.client.identify("ana",
                LookupFixture.PASSWORD).thenApply(s -> {
                    renewed.add(s);
                    return s;
                })).create("Turkey – Italy", FOOTBALL, List.of("Turkey", "Italy"), KICK_OFF, QuorumPolicy.DEFAULT);
        open.add(hosted);
        Await.until("a first heartbeat", () -> hosted.lastState() != null);

        clock.advance(Duration.ofHours(2)); // the session is long gone
        Instant expiredAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as the server stores it
        Await.until("the host identified again", () -> !renewed.isEmpty(), log::toString);
        Session ben = lookup.client.identify("ben", LookupFixture.PASSWORD).get(); // ben's expired too
        Await.until("a heartbeat after the session expired", () -> lastHeartbeat(ben, hosted.match().id())
                .compareTo(expiredAt) >= 0, log::toString);
        assertTrue(log.stream().anyMatch(l -> l.contains("identifying again")), log.toString());
    }

    @Test
    void aLocalMatchNeedsNoSetupKeepsItsJournalAndSetupAndOpensAgain() throws Exception {
        Path data = dir.resolve("local");
        String firstId;
        try (LocalMatch local = LocalMatch.start(data, FOOTBALL, "Training match", List.of("Reds", "Blues"),
                QuorumPolicy.SOLO, log::add)) {
            firstId = local.hosted().match().id();
            assertEquals("127.0.0.1", URI.create(local.hosted().url()).getHost(), "loopback only");
            JoinTicket ticket = local.join();
            try (Peer me = new Peer(URI.create(ticket.hostUrl()))) {
                me.send(hello(ticket.token(), 0));
                assertEquals(List.of("Reds", "Blues"), me.next(Setup.class).origins());
                me.send(Wire.report(ticket.token(), "Corner", "Blues", at(3)));
                assertEquals("Corner", me.next(Accepted.class).event().title(), "one analyst alone: accepted at once");
            }
        }
        Path journals = data.resolve("journals");
        assertTrue(java.nio.file.Files.size(journals.resolve(firstId + ".journal")) > 0, "the journal is kept");
        String setup = java.nio.file.Files.readString(journals.resolve(firstId + ".setup.json"));
        assertTrue(setup.contains("\"Reds\"") && setup.contains("\"Corner\"") && setup.contains("Training match"),
                "the setup is kept beside the journal, for review: " + setup);

        try (LocalMatch again = LocalMatch.start(data, FOOTBALL, "Second half", List.of("Reds", "Blues"),
                QuorumPolicy.SOLO, log::add)) {
            assertNotEquals(firstId, again.hosted().match().id(), "a new match, by the same local user");
            assertEquals(LocalMatch.USER, again.hosted().match().owner());
        }
    }
}
