package io.sideline.host.tests;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.sideline.host.HostConfig;
import io.sideline.host.TokenVerifier;
import io.sideline.host.MatchHost;
import io.sideline.lookup.Match;
import io.sideline.protocol.Setup;
import io.sideline.sport.api.SportAction;
import io.sideline.sport.football.Football;
import io.sideline.voting.VotingRules;
import io.sideline.testing.LookupFixture;

/**
 * One match on a {@link LookupFixture}'s server and a real {@link MatchHost} for it, verifying tokens with
 * the lookup server as the match's owner (the fixture's first user, {@code ana}), and helpers to join peers
 * and write reports. Closes the peers it made and the host.
 */
final class HostFixture implements AutoCloseable {

    /** the actions of the match: football's titles */
    static final List<String> TITLES = new Football().actions().stream().map(SportAction::label).toList();
    static final List<String> TEAMS = List.of("Turkey", "Italy");
    /** 2021-06-11T19:52:00Z, when the seed's sample goal happened */
    static final long T0 = 1_623_441_120_000L;

    final LookupFixture lookup;
    final Match match;
    final HostConfig config;
    /** what the host logged: connections, refusals, recoveries */
    final List<String> log;
    MatchHost host;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<Peer> peers = new CopyOnWriteArrayList<>();

    private HostFixture(LookupFixture lookup, Match match, HostConfig config, List<String> log) {
        this.lookup = lookup;
        this.match = match;
        this.config = config;
        this.log = log;
    }

    /** a host with k = 1 and the defaults, unless {@code tweak} says otherwise */
    static HostFixture start(LookupFixture lookup, Path journalDir, Consumer<HostConfig.Builder> tweak) throws Exception {
        Match match = lookup.createMatch("ana");
        List<String> log = new CopyOnWriteArrayList<>();
        HostConfig.Builder b = HostConfig.builder().port(0).journalDir(journalDir)
                .match(match.id(), match.name(), Football.ID, match.origins(), TITLES).rules(VotingRules.of(1, 0))
                .verifier(TokenVerifier.lookup(lookup.client, () -> lookup.session("ana"), match.id(), Clock.systemUTC()))
                .log(log::add);
        tweak.accept(b);
        HostFixture f = new HostFixture(lookup, match, b.build(), log);
        f.host = MatchHost.start(f.config);
        return f;
    }

    /** stops the host and starts a new one on the same journal (and a new port) */
    void restart() throws Exception {
        host.close();
        host = MatchHost.start(config);
    }

    /** @return the user's join token for this match, the same one each time */
    String token(String user) throws Exception {
        String t = tokens.get(user);
        if (t == null) {
            t = lookup.joinToken(user, match.id());
            tokens.put(user, t);
        }
        return t;
    }

    /** @return a peer connected to the host, which has sent nothing yet */
    Peer connect() throws Exception {
        Peer p = new Peer(host.uri());
        peers.add(p);
        return p;
    }

    /** @return a peer identified with a hello, once it has received its setup */
    Peer join(String user) throws Exception {
        return join(user, 0);
    }

    Peer join(String user, long lastSeq) throws Exception {
        Peer p = connect();
        p.send(hello(token(user), lastSeq));
        p.next(Setup.class);
        return p;
    }

    /**
     * Waits until the host has handled everything these peers sent, then returns the timeline's newest seq as
     * a peer joining now is told it in its setup. Each peer's heartbeat is answered after its earlier
     * messages; a join is served by the host's one decision thread after the reports handed to it before.
     */
    long settle(Peer... reporters) throws Exception {
        for (Peer p : reporters) {
            p.echo();
        }
        try (Peer probe = new Peer(host.uri())) {
            probe.send(hello(token("ana"), Long.MAX_VALUE / 4));
            Setup s = probe.next(Setup.class);
            return s.lastSeq();
        }
    }

    /** sends a report in the protocol's own shape (top-level type) */
    void report(Peer p, String user, String title, String origin, long eventMillis) throws Exception {
        p.send(report(token(user), title, origin, eventMillis));
    }

    // ------------------------------------------------------------------------------------------ JSON

    static String hello(String token, long lastSeq) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "hello");
        o.addProperty("token", token);
        if (lastSeq > 0) {
            o.addProperty("lastSeq", lastSeq);
        }
        return o.toString();
    }

    /** @return a report with the type at the top level and inside the event, as the protocol writes it */
    static String report(String token, String title, String origin, long eventMillis) {
        JsonObject o = seed(token, title, origin, eventMillis);
        o.addProperty("type", "event");
        return o.toString();
    }

    /** @return a report exactly as the original design shows it: no top-level type, "type": "event" in event */
    static String seedReport(String token, String title, String origin, long eventMillis) {
        return seed(token, title, origin, eventMillis).toString();
    }

    private static JsonObject seed(String token, String title, String origin, long eventMillis) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "event");
        event.addProperty("title", title);
        event.addProperty("origin", origin);
        event.addProperty("time", eventMillis);
        JsonObject o = new JsonObject();
        o.addProperty("time", Instant.now().toEpochMilli());
        o.addProperty("token", token);
        o.add("event", event);
        return o;
    }

    /** @return the message with one more top-level field */
    static String with(String json, String field, String value) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        o.addProperty(field, value);
        return o.toString();
    }

    /** @return the event time of the i-th event of a test: a minute apart, so no two are one event */
    static long at(int i) {
        return T0 + i * 60_000L;
    }

    /** @return 1, 2, … n */
    static List<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Override
    public void close() {
        for (Peer p : peers) {
            p.close();
        }
        if (host != null) {
            host.close();
        }
    }
}
