package io.sideline.host;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.protocol.Lineups;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.sport.api.SportRegistry;

import org.jspecify.annotations.Nullable;

/**
 * A match hosted here and registered with a lookup server: a {@link MatchHost} whose join tokens the lookup
 * server checks, and which tells the lookup server every few seconds that it is alive and where peers reach
 * it. This is what {@code ./sideline host} runs, and what the workbench starts when its user creates a match.
 * <p>
 * Start one with {@link #with(LookupClient, Session)}, then {@link Builder#create} for a new match or
 * {@link Builder#resume} for one this user registered before (after a restart, perhaps on another port:
 * the heartbeat carries the new address). Closing it stops the host and the heartbeats; the match stays
 * registered, and shows as {@code host_lost} until a host resumes it or {@link #finish()} ends it.
 */
public final class HostedMatch implements AutoCloseable {

    /** how often a host says it is alive unless told otherwise; well inside the lookup server's 30 s */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
    /** how long a host that moved waits for its first heartbeat (its new address) before it says it is hosting */
    private static final Duration FIRST_BEAT_WAIT = Duration.ofSeconds(5);
    /** how long a host waits for the lookup server when it starts or finishes */
    public static final Duration LOOKUP_WAIT = LookupClient.AWAIT;

    private final LookupClient lookup;
    private final AtomicReference<Session> session;
    private final @Nullable Supplier<CompletableFuture<Session>> reidentify;
    private final Match match;
    private final MatchHost host;
    private final String url;
    private final Consumer<String> log;
    private final ScheduledExecutorService beats;
    private final AtomicReference<String> lookupProblem = new AtomicReference<>();
    private final AtomicReference<MatchState> lastState = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Duration beatEvery = DEFAULT_HEARTBEAT;

    private HostedMatch(Builder b, Match match, MatchHost host, String url) {
        this.lookup = b.lookup;
        this.session = b.session;
        this.reidentify = b.reidentify;
        this.match = match;
        this.host = host;
        this.url = url;
        this.log = b.log;
        this.beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "heartbeat-" + match.id());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param lookup the lookup server's client
     * @param owner  the session of the user who owns (hosts) the match
     * @return a builder for a hosted match
     */
    public static Builder with(LookupClient lookup, Session owner) {
        return new Builder(lookup, owner);
    }

    /** @return the match as the lookup server registered it when hosting began */
    public Match match() {
        return match;
    }

    /** @return the running host */
    public MatchHost host() {
        return host;
    }

    /** @return the address the lookup server gives joining peers, for example {@code ws://192.0.2.10:7070/match} */
    public String url() {
        return url;
    }

    /** @return the state the lookup server gave in its last answer to a heartbeat, or {@code null} before one */
    public @Nullable MatchState lastState() {
        return lastState.get();
    }

    /**
     * Sends a heartbeat now, besides the periodic ones.
     *
     * @return the match's state, as the lookup server answers
     */
    public CompletableFuture<MatchState> beat() {
        return lookup.heartbeat(session.get(), match.id(), url).exceptionallyCompose(failure -> {
            Supplier<CompletableFuture<Session>> again = reidentify;
            if (unwrap(failure) instanceof LookupException e && e.is(LookupError.UNAUTHORIZED) && again != null) {
                log.accept("the host's session with the lookup server expired; identifying again");
                return again.get().thenCompose(fresh -> {
                    session.set(fresh);
                    return lookup.heartbeat(fresh, match.id(), url);
                });
            }
            return CompletableFuture.failedFuture(failure);
        }).whenComplete((state, failure) -> {
            if (failure == null) {
                lastState.set(state);
                if (lookupProblem.getAndSet(null) != null) {
                    log.accept("the lookup server answers again; " + match.id() + " is " + state.wire());
                }
                return;
            }
            String problem = String.valueOf(unwrap(failure).getMessage());
            if (!Objects.equals(lookupProblem.getAndSet(problem), problem)) {
                log.accept("heartbeat not delivered: " + problem + "; peers already here are served, new ones may not"
                        + " get in until the lookup server answers; retrying every " + seconds(beatEvery) + " s");
            }
        });
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private void startBeating(Duration every) {
        beatEvery = every;
        long first = 0;
        if (!url.equals(match.hostUrl())) {
            // the lookup server still sends joiners to the old address: tell it the new one before anyone is told
            // the match is hosted here (bounded: a lookup server that is away stops new joins, not the match)
            try {
                beat().get(FIRST_BEAT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // reported by beat(); the periodic ones try again
            }
            first = every.toMillis();
        }
        beats.scheduleWithFixedDelay(() -> {
            try {
                beat().get(LOOKUP_WAIT.toMillis() + every.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                // reported by beat(); the next one tries again
            }
        }, first, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Tells the lookup server the match is over: it shows as finished and is offered to no one to join.
     * The host keeps serving the peers that are connected until it is closed.
     *
     * @return the match as the lookup server now has it
     * @throws LookupException when the lookup server refuses or cannot be reached
     */
    public Match finish() throws LookupException, InterruptedException {
        return LookupClient.await(lookup.finish(session.get(), match.id()), "finish the match");
    }

    /** Stops the heartbeats and the host. The journal keeps the timeline. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            beats.shutdownNow();
            host.close();
            log.accept("stopped hosting " + match.id() + "; " + host.lastSeq() + " accepted messages in the journal");
        }
    }

    private static long seconds(Duration d) {
        return Math.max(1, d.toSeconds());
    }

    /** How to host: where to listen, what address to give peers, where the journal lives. */
    public static final class Builder {
        private final LookupClient lookup;
        private final AtomicReference<Session> session;
        private @Nullable Supplier<CompletableFuture<Session>> reidentify;
        private @Nullable SportRegistry sports;
        private String bindHost = "127.0.0.1";
        private int port;
        private @Nullable String advertiseHost;
        private @Nullable Path dataDir;
        private Duration heartbeat = DEFAULT_HEARTBEAT;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> log = line -> { };
        private Consumer<HostConfig.Builder> tweak = b -> { };
        private Lineups lineups = Lineups.NONE;

        private Builder(LookupClient lookup, Session owner) {
            this.lookup = Objects.requireNonNull(lookup, "lookup");
            this.session = new AtomicReference<>(Objects.requireNonNull(owner, "owner"));
        }

        /** @param value the installed sports, where {@link #resume} finds the match's sport */
        public Builder sports(SportRegistry value) {
            sports = Objects.requireNonNull(value);
            return this;
        }

        /** @param value how to identify again when the owner's session expires during a long hosting */
        public Builder reidentify(Supplier<CompletableFuture<Session>> value) {
            reidentify = value;
            return this;
        }

        /** @param value the address to listen on; default 127.0.0.1, {@code 0.0.0.0} for every interface */
        public Builder bindHost(String value) {
            bindHost = Objects.requireNonNull(value);
            return this;
        }

        /** @param value the TCP port; 0 (the default) picks a free one */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("a port is between 0 and 65535, not " + value);
            }
            port = value;
            return this;
        }

        /**
         * @param value the host name or address peers use to reach this host, or a whole {@code ws://} or
         *              {@code wss://} URL for a proxy in front of it; by default the bind address, or for
         *              {@code 0.0.0.0} this machine's first non-loopback IPv4 address
         */
        public Builder advertiseHost(@Nullable String value) {
            if (value != null && value.contains("://")) {
                URI u = URI.create(value);
                if (!("ws".equals(u.getScheme()) || "wss".equals(u.getScheme())) || u.getHost() == null) {
                    throw new IllegalArgumentException("an advertised URL is ws:// or wss:// with a host, not " + value);
                }
            }
            advertiseHost = value;
            return this;
        }

        /** @param value where the journals live, one file per match */
        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        /** @param value how often to tell the lookup server the host is alive */
        public Builder heartbeat(Duration value) {
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("the heartbeat interval must be positive");
            }
            heartbeat = value;
            return this;
        }

        /** @param value the clock of the vote and of token expiry */
        public Builder clock(Clock value) {
            clock = Objects.requireNonNull(value);
            return this;
        }

        /** @param value where to report what happens, one line each */
        public Builder log(Consumer<String> value) {
            log = Objects.requireNonNull(value);
            return this;
        }

        /**
         * @param value the line-ups a new match starts with; a resumed match keeps those in its journal's setup file
         *              when it has any
         */
        public Builder lineups(Lineups value) {
            lineups = Objects.requireNonNull(value);
            return this;
        }

        /** @param value adjusts the host's settings (limits, timeouts) before it starts */
        public Builder configure(Consumer<HostConfig.Builder> value) {
            tweak = Objects.requireNonNull(value);
            return this;
        }

        /**
         * Registers a new match with the lookup server, owned by this user, and starts hosting it.
         *
         * @param name   what people call it
         * @param sport  its sport, which gives the actions peers report
         * @param teams  the origins, home first
         * @param start  when it starts
         * @param quorum when a report is accepted
         * @throws LookupException when the lookup server refuses the match or cannot be reached; nothing is hosted
         * @throws IOException     when no port can be bound or the journal cannot be written; the match stays
         *                         registered, and {@link #resume} hosts it later
         */
        public HostedMatch create(String name, Sport sport, List<String> teams, Instant start, QuorumPolicy quorum)
                throws Exception {
            requireDataDir();
            int listen = port != 0 ? port : freePort(bindHost);
            String advertised = urlFor(listen);
            Match m = LookupClient.await(lookup.create(session.get(), new MatchDraft(name, sport.id(), teams, start, quorum,
                    advertised)), "register the match");
            log.accept("registered " + m.id() + " (" + m.name() + ", " + sport.name() + ") with " + lookup.base());
            return start(m, sport, listen);
        }

        /**
         * Hosts a match this user registered before: after a restart, on this machine or another. The journal
         * in the data folder, when there is one, continues.
         *
         * @throws LookupException when the match does not exist, is not this user's, or the lookup server
         *                         cannot be reached
         */
        public HostedMatch resume(String matchId) throws Exception {
            requireDataDir();
            Match m = LookupClient.await(lookup.match(session.get(), matchId), "look up match " + matchId);
            if (!m.owner().equals(session.get().user())) {
                throw LookupException.of(LookupError.FORBIDDEN, "match " + matchId + " belongs to " + m.owner()
                        + "; only its owner can host it", null);
            }
            Sport sport = (sports == null ? Optional.<Sport>empty() : sports.find(m.sport()))
                    .orElseThrow(() -> new IllegalArgumentException("match " + matchId + " is " + m.sport()
                            + ", and no sport with that id is installed here"));
            return start(m, sport, port);
        }

        private void requireDataDir() {
            if (dataDir == null) {
                throw new IllegalStateException("a hosted match needs a data folder for its journal");
            }
        }

        private HostedMatch start(Match m, Sport sport, int listen) throws Exception {
            List<String> titles = sport.actions().stream().map(SportAction::label).toList();
            HostConfig.Builder config = HostConfig.builder().bindHost(bindHost).port(listen)
                    .journalDir(Objects.requireNonNull(dataDir, "dataDir")) // create and resume checked it
                    .match(m.id(), m.name(), m.sport(), m.origins(), titles).matchStart(m.scheduledStart())
                    .rules(HostConfig.votingRules(sport, m.quorum()))
                    .verifier(TokenVerifier.lookup(lookup, session::get, m.id(), clock)).clock(clock).log(log)
                    .lineups(lineups).owner(m.owner());
            tweak.accept(config);
            MatchHost host;
            try {
                host = MatchHost.start(config.build());
            } catch (IllegalStateException busy) {
                if (port != 0) {
                    throw busy; // the user chose this port
                }
                // the free port was taken in the meantime: take any, and the first heartbeat says where
                host = MatchHost.start(config.port(0).build());
            }
            HostedMatch hosted = new HostedMatch(this, m, host, urlFor(host.port()));
            hosted.startBeating(heartbeat);
            log.accept("peers join " + m.id() + " at " + hosted.url() + " (listening on " + bindHost + ":" + host.port()
                    + "); heartbeat every " + seconds(heartbeat) + " s");
            return hosted;
        }

        private String urlFor(int listenPort) throws SocketException {
            String advertise = advertiseHost;
            if (advertise != null && advertise.contains("://")) {
                return advertise; // a proxy in front: its URL, whatever port the host listens on
            }
            String h = advertise != null ? advertise : defaultAdvertise(bindHost);
            return URI.create("ws://" + (h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : h) + ":" + listenPort
                    + MatchHost.PATH).toString();
        }
    }

    /** @return the address to give peers when none was named: the bind address, or a real one for a wildcard */
    static String defaultAdvertise(String bindHost) throws SocketException {
        if (!bindHost.equals("0.0.0.0") && !bindHost.equals("::")) {
            return bindHost;
        }
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                    return a.getHostAddress();
                }
            }
        }
        return "127.0.0.1";
    }

    private static int freePort(String bindHost) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(bindHost, 0));
            return s.getLocalPort();
        }
    }
}
