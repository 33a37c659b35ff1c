package io.sideline.peer.tests;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import io.sideline.host.HostConfig;
import io.sideline.host.TokenVerifier;
import io.sideline.host.MatchHost;
import io.sideline.lookup.Match;
import io.sideline.peer.MatchClient;
import io.sideline.peer.Timeline;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.api.SportAction;
import io.sideline.sport.football.Football;
import io.sideline.voting.VotingRules;
import io.sideline.testing.LookupFixture;

/**
 * One match on a {@link LookupFixture}'s server and a real {@link MatchHost} for it on loopback, verifying tokens
 * with the lookup server as the match's owner ({@code ana}); helpers to connect {@link MatchClient}s. Closes the
 * clients it made and the host.
 */
final class HostFixture implements AutoCloseable {

    /** the actions of the match: football's titles */
    static final List<String> TITLES = new Football().actions().stream().map(SportAction::label).toList();
    /** 2021-06-11T19:00:00Z, kick-off of Turkey v Italy */
    static final Instant KICKOFF = Instant.parse("2021-06-11T19:00:00Z");

    final LookupFixture lookup;
    final Match match;
    final HostConfig config;
    /** what the host logged: connections, refusals, recoveries */
    final List<String> log;
    volatile MatchHost host;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<MatchClient> clients = new CopyOnWriteArrayList<>();

    private HostFixture(LookupFixture lookup, Match match, HostConfig config, List<String> log) {
        this.lookup = lookup;
        this.match = match;
        this.config = config;
        this.log = log;
    }

    /** a host with quorum k, a fresh match, and the defaults unless {@code tweak} says otherwise */
    static HostFixture start(LookupFixture lookup, Path journalDir, int k, Consumer<HostConfig.Builder> tweak)
            throws Exception {
        Match match = lookup.createMatch("ana");
        List<String> log = new CopyOnWriteArrayList<>();
        HostConfig.Builder b = HostConfig.builder().port(0).journalDir(journalDir)
                .match(match.id(), match.name(), Football.ID, match.origins(), TITLES).rules(VotingRules.of(k, 0))
                .verifier(TokenVerifier.lookup(lookup.client, () -> lookup.session("ana"), match.id(), Clock.systemUTC()))
                .log(log::add);
        tweak.accept(b);
        HostFixture f = new HostFixture(lookup, match, b.build(), log);
        f.host = MatchHost.start(f.config);
        return f;
    }

    /** stops the host */
    void stopHost() {
        host.close();
    }

    /** starts a host again on the same journal, on {@code port} (0: a new one) */
    void startHost(int port) throws Exception {
        host = MatchHost.start(new HostConfig(config.bindHost(), port, config.journalDir(), config.matchId(), config.name(),
                config.sport(), config.origins(), config.actions(), config.rules(), config.verifier(),
                config.maxMessageBytes(), config.reportsPerSecond(), config.reportBurst(), config.sendWindow(),
                config.maxLag(), config.idleTimeout(), config.heartbeatInterval(), config.socketSendBuffer(),
                config.clock(), config.log()));
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

    /** @return a client of this user, connecting to the host */
    MatchClient client(String user, MatchClient.Options options, MatchClient.Listener listener) throws Exception {
        return client(host.uri(), token(user), options, listener);
    }

    MatchClient client(URI url, String token, MatchClient.Options options, MatchClient.Listener listener) {
        return client(url, token, new Timeline(), options, listener);
    }

    MatchClient client(URI url, String token, Timeline timeline, MatchClient.Options options,
            MatchClient.Listener listener) {
        MatchClient c = MatchClient.connect(url, token, timeline, options, listener);
        clients.add(c);
        return c;
    }

    /** @return a loopback port that was free a moment ago */
    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** @return the time of the i-th distinct moment of a test: two minutes apart, so no two are one event */
    static Instant at(int i) {
        return KICKOFF.plusSeconds(120L * i);
    }

    static TimelineEvent event(String title, String origin, Instant time) {
        return new TimelineEvent(title, origin, time);
    }

    /** @return 1, 2, … n */
    static List<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Override
    public void close() {
        for (MatchClient c : clients) {
            c.close();
        }
        if (host != null) {
            host.close();
        }
    }
}
