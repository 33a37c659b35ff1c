package io.sideline.testing;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.LongStream;

import io.sideline.host.HostConfig;
import io.sideline.host.MatchHost;
import io.sideline.host.TokenVerifier;
import io.sideline.lookup.Match;
import io.sideline.peer.MatchClient;
import io.sideline.peer.Timeline;
import io.sideline.sport.api.SportAction;
import io.sideline.sport.football.Football;
import io.sideline.voting.VotingRules;

/**
 * One match on a {@link LookupFixture}'s server and a real {@link MatchHost} for it on loopback, verifying
 * tokens with the lookup server as the match's owner (the fixture's first user, {@code ana}); join tokens per
 * user, and {@link MatchClient}s connected to it. A test bundle that talks to the host in its own way (raw
 * WebSocket peers) registers its connections with {@link #closeAtEnd(AutoCloseable)}. Closes what it made and
 * the host. Shared by the host and peer tests.
 */
public final class HostFixture implements AutoCloseable {

    /** the actions of the match: football's titles */
    public static final List<String> TITLES = new Football().actions().stream().map(SportAction::label).toList();
    /** the teams of the match, home first */
    public static final List<String> TEAMS = List.of("Turkey", "Italy");

    /** the lookup server the match is on */
    public final LookupFixture lookup;
    /** the match, owned by {@code ana} */
    public final Match match;
    /** the host's configuration */
    public final HostConfig config;
    /** what the host logged: connections, refusals, recoveries */
    public final List<String> log;
    private volatile MatchHost host;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

    private HostFixture(LookupFixture lookup, Match match, HostConfig config, List<String> log) {
        this.lookup = lookup;
        this.match = match;
        this.config = config;
        this.log = log;
    }

    /** a host with quorum k = 1, a fresh match, and the defaults unless {@code tweak} says otherwise */
    public static HostFixture start(LookupFixture lookup, Path journalDir, Consumer<HostConfig.Builder> tweak)
            throws Exception {
        return start(lookup, journalDir, 1, tweak);
    }

    /** a host with quorum k, a fresh match, and the defaults unless {@code tweak} says otherwise */
    public static HostFixture start(LookupFixture lookup, Path journalDir, int k, Consumer<HostConfig.Builder> tweak)
            throws Exception {
        Match match = lookup.createMatch("ana");
        List<String> log = new CopyOnWriteArrayList<>();
        HostConfig.Builder b = HostConfig.builder().port(0).journalDir(journalDir)
                .match(match.id(), match.name(), Football.ID, match.origins(), TITLES).matchStart(match.scheduledStart())
                .rules(VotingRules.of(k, 0))
                .verifier(TokenVerifier.lookup(lookup.client, () -> lookup.session("ana"), match.id(),
                        Clock.systemUTC()))
                .log(log::add);
        tweak.accept(b);
        HostFixture f = new HostFixture(lookup, match, b.build(), log);
        f.host = MatchHost.start(f.config);
        return f;
    }

    /** @return the running host (a new one after {@link #restart()} or {@link #startHost(int)}) */
    public MatchHost host() {
        return host;
    }

    /** stops the host and starts a new one on the same journal and the configured port (0: a new one) */
    public void restart() throws Exception {
        stopHost();
        startHost(config.port());
    }

    /** stops the host */
    public void stopHost() {
        host.close();
    }

    /** starts a host again on the same journal, on {@code port} (0: a new one) */
    public void startHost(int port) throws Exception {
        host = MatchHost.start(config.withPort(port));
    }

    /** @return the user's join token for this match, the same one each time */
    public String token(String user) throws Exception {
        String t = tokens.get(user);
        if (t == null) {
            t = lookup.joinToken(user, match.id());
            tokens.put(user, t);
        }
        return t;
    }

    /** @return the resource, which {@link #close()} closes before it stops the host */
    public <T extends AutoCloseable> T closeAtEnd(T resource) {
        resources.add(resource);
        return resource;
    }

    /** @return a client of this user, connecting to the host */
    public MatchClient client(String user, MatchClient.Options options, MatchClient.Listener listener)
            throws Exception {
        return client(host.uri(), token(user), options, listener);
    }

    /** @return a client with this token, connecting to {@code url} */
    public MatchClient client(URI url, String token, MatchClient.Options options, MatchClient.Listener listener) {
        return client(url, token, new Timeline(), options, listener);
    }

    /** @return a client with this token and what it already holds, connecting to {@code url} */
    public MatchClient client(URI url, String token, Timeline timeline, MatchClient.Options options,
            MatchClient.Listener listener) {
        return closeAtEnd(MatchClient.connect(url, token, timeline, options, listener));
    }

    /** @return a loopback port that was free a moment ago */
    public static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** @return 1, 2, … n: the seqs of a timeline of n messages */
    public static List<Long> oneTo(long n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Override
    public void close() {
        Exception failure = null;
        for (AutoCloseable r : new ArrayList<>(resources)) {
            try {
                r.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (host != null) {
            host.close();
        }
        if (failure != null) {
            throw new IllegalStateException("closing a connection of the test failed", failure);
        }
    }
}
