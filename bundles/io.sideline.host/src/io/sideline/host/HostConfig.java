package io.sideline.host;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import io.sideline.host.internal.SportRules;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.ProtocolLimits;
import io.sideline.sport.api.Sport;
import io.sideline.voting.VotingRules;

import org.jspecify.annotations.Nullable;

/**
 * How a match host runs. Build one with {@link #builder()}.
 *
 * @param bindHost          the address to listen on; default 127.0.0.1
 * @param port              the TCP port; 0 picks a free one
 * @param journalDir        where the match's journal lives
 * @param matchId           the lookup server's id of the match
 * @param name              the match's name
 * @param sport             the sport id
 * @param origins           the teams, home first: the {@code origins} of the setup message
 * @param actions           the titles that can be reported: the {@code actions} of the setup message
 * @param rules             the vote's rules
 * @param verifier          who checks join tokens
 * @param maxMessageBytes   the largest message a peer may send; default 64 KiB
 * @param reportsPerSecond  reports and corrections per second per user, shared by all the user's connections (and
 *                          messages per second per connection); default 10
 * @param reportBurst       how many a user (and a connection) may send at once; default 30
 * @param sendWindow        frames sent to a peer but not yet written; default 64
 * @param maxLag            how many frames a peer may fall behind before it is dropped to resync; default 10,000
 * @param idleTimeout       a connection silent this long is closed; default 60 s
 * @param heartbeatInterval how often the host sends quiet peers a heartbeat; default 15 s
 * @param socketSendBuffer  the TCP send buffer per connection in bytes, 0 for the system's; default 0
 * @param clock             the clock of the vote, and of the window of event times
 * @param log               where the host reports connections and problems, one line each
 * @param helloTimeout      a connection that has not identified (its {@code hello} answered with the setup) this
 *                          long after it opened is closed, whatever else it sends; default 10 s
 * @param pingLimit         the WebSocket pings and pongs a connection may send in 10 seconds; one more closes it;
 *                          default 20
 * @param maxConnectionsPerAddress the open connections one client address may hold; more are refused with HTTP
 *                          429 at the upgrade; default 64
 * @param maxConnectionsPerIdentity the identified connections one user may hold; more are refused with
 *                          {@code rate_limited} and closed; default 8
 * @param maxQueuedPerIdentity the reports and corrections of one user that may wait for the vote; more are dropped
 *                          with {@code rate_limited}; default 64, or the report burst when that is larger (a user
 *                          may have its whole burst waiting)
 * @param matchStart        the match's start, from the lookup server: the window of event times opens
 *                          {@link #EARLIEST_BEFORE_START} before it; {@code null} if unknown, then before the
 *                          host's now
 * @param maxTimelineMessages the most accepted messages the match's timeline holds; default 20,000
 * @param maxJournalBytes   the most bytes of the match's journal; default 32 MiB
 * @param lineups           the line-ups the match starts with, sent in the setup; {@link Lineups#NONE} for none. A
 *                          host that restarts on a journal whose setup file holds line-ups keeps those (the owner's
 *                          changes and the substitutions since)
 * @param owner             the user who may change the line-ups during the match (a {@code lineup} message), or
 *                          {@code null}: then no peer may
 */
public record HostConfig(String bindHost, int port, Path journalDir, String matchId, String name, String sport,
        List<String> origins, List<String> actions, VotingRules rules, TokenVerifier verifier, int maxMessageBytes,
        int reportsPerSecond, int reportBurst, int sendWindow, int maxLag, Duration idleTimeout,
        Duration heartbeatInterval, int socketSendBuffer, Clock clock, Consumer<String> log, Duration helloTimeout,
        int pingLimit, int maxConnectionsPerAddress, int maxConnectionsPerIdentity, int maxQueuedPerIdentity,
        @Nullable Instant matchStart, int maxTimelineMessages, long maxJournalBytes, Lineups lineups,
        @Nullable String owner) {

    /** the default of {@link #helloTimeout()} */
    public static final Duration HELLO_TIMEOUT = Duration.ofSeconds(10);
    /** the default of {@link #pingLimit()} */
    public static final int PING_LIMIT = 20;
    /** the default of {@link #maxConnectionsPerAddress()} */
    public static final int MAX_CONNECTIONS_PER_ADDRESS = 64;
    /** the default of {@link #maxConnectionsPerIdentity()} */
    public static final int MAX_CONNECTIONS_PER_IDENTITY = 8;
    /** the default of {@link #maxQueuedPerIdentity()}, unless the report burst is larger */
    public static final int MAX_QUEUED_PER_IDENTITY = 64;

    /**
     * How long before the match's start (or before the host's now, when that is earlier) an event may have taken
     * place: time for an early report, a pre-match ceremony, a peer's clock that is off.
     */
    public static final Duration EARLIEST_BEFORE_START = Duration.ofHours(6);
    /** How far after the host's now an event may have taken place: a peer's clock that runs ahead. */
    public static final Duration LATEST_AFTER_NOW = Duration.ofMinutes(10);
    /** The default of {@link #maxTimelineMessages()}: far beyond the few thousand a match produces. */
    public static final int DEFAULT_MAX_TIMELINE_MESSAGES = 20_000;
    /** The default of {@link #maxJournalBytes()}: 32 MiB. */
    public static final long DEFAULT_MAX_JOURNAL_BYTES = 32L * 1024 * 1024;

    public HostConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(journalDir, "journalDir");
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sport, "sport");
        origins = List.copyOf(origins);
        actions = List.copyOf(actions);
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(log, "log");
        if (origins.isEmpty() || actions.isEmpty()) {
            throw new IllegalArgumentException("a host needs origins and actions");
        }
        if (!matchId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a match id is letters, digits, '.', '_' or '-': " + matchId);
        }
        Objects.requireNonNull(helloTimeout, "helloTimeout");
        if (helloTimeout.isZero() || helloTimeout.isNegative()) {
            throw new IllegalArgumentException("the hello timeout must be positive");
        }
        if (pingLimit < 1 || maxConnectionsPerAddress < 1 || maxConnectionsPerIdentity < 1 || maxQueuedPerIdentity < 1) {
            throw new IllegalArgumentException("the ping, connection and queue limits must be at least 1");
        }
        if (maxTimelineMessages < 1 || maxJournalBytes < 1) {
            throw new IllegalArgumentException("a timeline holds at least one message and one byte");
        }
        Objects.requireNonNull(lineups, "lineups");
        for (String origin : lineups.teams().keySet()) {
            if (!origins.contains(origin)) {
                throw new IllegalArgumentException("the line-ups name " + origin + ", which is not a team of this match: "
                        + origins);
            }
        }
        try {
            lineups.check("lineups", ProtocolLimits.STANDARD.maxTextLength());
        } catch (ProtocolException e) {
            throw new IllegalArgumentException("the line-ups are not valid: " + e.getMessage(), e);
        }
    }

    /**
     * A host configuration without line-ups or owner: the components of version 2.1 of this record.
     */
    public HostConfig(String bindHost, int port, Path journalDir, String matchId, String name, String sport,
            List<String> origins, List<String> actions, VotingRules rules, TokenVerifier verifier, int maxMessageBytes,
            int reportsPerSecond, int reportBurst, int sendWindow, int maxLag, Duration idleTimeout,
            Duration heartbeatInterval, int socketSendBuffer, Clock clock, Consumer<String> log, Duration helloTimeout,
            int pingLimit, int maxConnectionsPerAddress, int maxConnectionsPerIdentity, int maxQueuedPerIdentity,
            @Nullable Instant matchStart, int maxTimelineMessages, long maxJournalBytes) {
        this(bindHost, port, journalDir, matchId, name, sport, origins, actions, rules, verifier, maxMessageBytes,
                reportsPerSecond, reportBurst, sendWindow, maxLag, idleTimeout, heartbeatInterval, socketSendBuffer,
                clock, log, helloTimeout, pingLimit, maxConnectionsPerAddress, maxConnectionsPerIdentity,
                maxQueuedPerIdentity, matchStart, maxTimelineMessages, maxJournalBytes, Lineups.NONE, null);
    }

    /**
     * A host configuration with the default hello timeout, ping limit, connection limits and queue bound, no known
     * start and the default timeline limits: the components of version 2.0 of this record.
     */
    public HostConfig(String bindHost, int port, Path journalDir, String matchId, String name, String sport,
            List<String> origins, List<String> actions, VotingRules rules, TokenVerifier verifier, int maxMessageBytes,
            int reportsPerSecond, int reportBurst, int sendWindow, int maxLag, Duration idleTimeout,
            Duration heartbeatInterval, int socketSendBuffer, Clock clock, Consumer<String> log) {
        this(bindHost, port, journalDir, matchId, name, sport, origins, actions, rules, verifier, maxMessageBytes,
                reportsPerSecond, reportBurst, sendWindow, maxLag, idleTimeout, heartbeatInterval, socketSendBuffer,
                clock, log, HELLO_TIMEOUT, PING_LIMIT, MAX_CONNECTIONS_PER_ADDRESS, MAX_CONNECTIONS_PER_IDENTITY,
                Math.max(MAX_QUEUED_PER_IDENTITY, reportBurst), null, DEFAULT_MAX_TIMELINE_MESSAGES,
                DEFAULT_MAX_JOURNAL_BYTES, Lineups.NONE, null);
    }

    /** @return this configuration on another port (0: a free one) */
    public HostConfig withPort(int value) {
        return new HostConfig(bindHost, value, journalDir, matchId, name, sport, origins, actions, rules, verifier,
                maxMessageBytes, reportsPerSecond, reportBurst, sendWindow, maxLag, idleTimeout, heartbeatInterval,
                socketSendBuffer, clock, log, helloTimeout, pingLimit, maxConnectionsPerAddress,
                maxConnectionsPerIdentity, maxQueuedPerIdentity, matchStart, maxTimelineMessages, maxJournalBytes,
                lineups, owner);
    }

    /**
     * @return the earliest event time the host takes now: {@link #EARLIEST_BEFORE_START} before the match's start,
     *         or before the host's now when that is earlier (or the start is unknown)
     */
    public Instant earliestEventTime() {
        Instant now = clock.instant();
        Instant start = matchStart;
        return (start != null && start.isBefore(now) ? start : now).minus(EARLIEST_BEFORE_START);
    }

    /** @return the latest event time the host takes now: {@link #LATEST_AFTER_NOW} after the host's now */
    public Instant latestEventTime() {
        return clock.instant().plus(LATEST_AFTER_NOW);
    }

    /**
     * @param sport  the match's sport: its actions' voting windows and the actions that exclude each other
     * @param quorum the match's quorum
     * @return the rules a host of a match of this sport and quorum votes by
     */
    public static VotingRules votingRules(Sport sport, QuorumPolicy quorum) {
        return SportRules.of(sport, quorum);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link HostConfig}. */
    public static final class Builder {
        private String bindHost = "127.0.0.1";
        private int port;
        // unset until set: build() refuses a config without them
        private @Nullable Path journalDir;
        private @Nullable String matchId;
        private @Nullable String name;
        private @Nullable String sport;
        private @Nullable List<String> origins;
        private @Nullable List<String> actions;
        private VotingRules rules = VotingRules.of(2, 0);
        private @Nullable TokenVerifier verifier;
        private int maxMessageBytes = 64 * 1024;
        private int reportsPerSecond = 10;
        private int reportBurst = 30;
        private int sendWindow = 64;
        private int maxLag = 10_000;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration heartbeatInterval = Duration.ofSeconds(15);
        private int socketSendBuffer;
        private Clock clock = Clock.systemUTC();
        private Consumer<String> log = line -> { };
        private Duration helloTimeout = HELLO_TIMEOUT;
        private int pingLimit = PING_LIMIT;
        private int maxConnectionsPerAddress = MAX_CONNECTIONS_PER_ADDRESS;
        private int maxConnectionsPerIdentity = MAX_CONNECTIONS_PER_IDENTITY;
        /** 0: the default, which depends on the burst */
        private int maxQueuedPerIdentity;
        private @Nullable Instant matchStart;
        private int maxTimelineMessages = DEFAULT_MAX_TIMELINE_MESSAGES;
        private long maxJournalBytes = DEFAULT_MAX_JOURNAL_BYTES;
        private Lineups lineups = Lineups.NONE;
        private @Nullable String owner;

        private Builder() {
        }

        public Builder bindHost(String value) {
            bindHost = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder journalDir(Path value) {
            journalDir = value;
            return this;
        }

        public Builder match(String id, String matchName, String sportId, List<String> teams, List<String> titles) {
            matchId = id;
            name = matchName;
            sport = sportId;
            origins = teams;
            actions = titles;
            return this;
        }

        public Builder rules(VotingRules value) {
            rules = value;
            return this;
        }

        public Builder verifier(TokenVerifier value) {
            verifier = value;
            return this;
        }

        public Builder maxMessageBytes(int value) {
            maxMessageBytes = value;
            return this;
        }

        public Builder reportLimit(int perSecond, int burst) {
            reportsPerSecond = perSecond;
            reportBurst = burst;
            return this;
        }

        public Builder flowControl(int window, int lag) {
            sendWindow = window;
            maxLag = lag;
            return this;
        }

        public Builder idleTimeout(Duration value) {
            idleTimeout = value;
            return this;
        }

        public Builder heartbeatInterval(Duration value) {
            heartbeatInterval = value;
            return this;
        }

        public Builder socketSendBuffer(int bytes) {
            socketSendBuffer = bytes;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder log(Consumer<String> value) {
            log = value;
            return this;
        }

        /** @param value how long a new connection has to identify; nothing it sends extends it */
        public Builder helloTimeout(Duration value) {
            helloTimeout = value;
            return this;
        }

        /** @param per10Seconds the WebSocket pings and pongs a connection may send in 10 seconds */
        public Builder pingLimit(int per10Seconds) {
            pingLimit = per10Seconds;
            return this;
        }

        /** @param value the match's start: event times from {@link #EARLIEST_BEFORE_START} before it are taken */
        public Builder matchStart(@Nullable Instant value) {
            matchStart = value;
            return this;
        }

        /**
         * @param perAddress  the open connections one client address may hold (raise it behind a proxy, or for many
         *                    peers on one machine)
         * @param perIdentity the identified connections one user may hold
         */
        public Builder connectionLimits(int perAddress, int perIdentity) {
            maxConnectionsPerAddress = perAddress;
            maxConnectionsPerIdentity = perIdentity;
            return this;
        }

        /** @param value the reports and corrections of one user that may wait for the vote (at least 1) */
        public Builder maxQueuedPerIdentity(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("at least one report must be able to wait for the vote");
            }
            maxQueuedPerIdentity = value;
            return this;
        }

        /**
         * @param messages the most accepted messages the timeline holds
         * @param bytes    the most bytes of the journal
         */
        public Builder timelineLimit(int messages, long bytes) {
            maxTimelineMessages = messages;
            maxJournalBytes = bytes;
            return this;
        }

        /** @param value the line-ups the match starts with (a restart keeps the ones in the journal's setup file) */
        public Builder lineups(Lineups value) {
            lineups = Objects.requireNonNull(value);
            return this;
        }

        /** @param user the user who may change the line-ups during the match; {@code null}: no one */
        public Builder owner(@Nullable String user) {
            owner = user;
            return this;
        }

        public HostConfig build() {
            return new HostConfig(bindHost, port, Objects.requireNonNull(journalDir, "journalDir"),
                    Objects.requireNonNull(matchId, "matchId"), Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(sport, "sport"), Objects.requireNonNull(origins, "origins"),
                    Objects.requireNonNull(actions, "actions"), rules, Objects.requireNonNull(verifier, "verifier"),
                    maxMessageBytes, reportsPerSecond, reportBurst, sendWindow, maxLag, idleTimeout, heartbeatInterval,
                    socketSendBuffer, clock, log, helloTimeout, pingLimit, maxConnectionsPerAddress,
                    maxConnectionsPerIdentity,
                    maxQueuedPerIdentity > 0 ? maxQueuedPerIdentity : Math.max(MAX_QUEUED_PER_IDENTITY, reportBurst),
                    matchStart, maxTimelineMessages, maxJournalBytes, lineups, owner);
        }
    }
}
