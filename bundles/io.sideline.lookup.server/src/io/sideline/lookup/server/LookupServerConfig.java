package io.sideline.lookup.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * How a lookup server runs. Build one with {@link #builder()}; every setting has a documented default.
 *
 * @param bindHost           the address to listen on; default {@code 127.0.0.1} (this machine only)
 * @param port               the TCP port; 0 picks a free one; default 8080
 * @param dataDir            where the embedded database lives; required unless {@code jdbcUrl} is set
 * @param jdbcUrl            a {@code jdbc:postgresql:} (or {@code jdbc:h2:}) URL to use instead of the embedded database
 * @param jdbcUser           the database user for {@code jdbcUrl}, or {@code null}
 * @param jdbcPassword       the database password for {@code jdbcUrl}, or {@code null}
 * @param sessionTtl         how long a session lasts; default 12 h
 * @param joinTokenTtl       how long a join token lasts; default 4 h
 * @param hostTimeout        how long a host may be silent before its match shows as host lost; default 30 s
 * @param requestsPerSecond  requests per second per client address; 0 for no limit; default 100
 * @param requestBurst       requests a client address may send at once; default 200
 * @param maxLoginFailures   failed identifications per user name within {@code loginFailureWindow} (four
 *                           times as many per address); default 5
 * @param loginFailureWindow default 15 min
 * @param clock              the clock; the system clock by default, a fixed one in tests
 * @param log                where the request log and errors go, one line each; default nowhere
 * @param maxOpenMatches     how many matches one user may have scheduled or live at once (not finished, and
 *                           not host lost); 0 for no limit; default 20
 * @param maxMatchesPerDay   how many matches one user may register within 24 hours; 0 for no limit; default 100
 * @param maxScheduleAhead   how far ahead of now a match's scheduled start may be; default 366 days
 * @param maxRegistrations   how many users one client address may register within {@code registrationWindow};
 *                           0 for no limit; default 20
 * @param registrationWindow default 1 h
 * @param localNetwork       whether a match's {@code hostUrl} may name a loopback, link-local, private or multicast
 *                           address or a local host name ({@code localhost}, a name without a dot, {@code *.local}):
 *                           for a server in local mode or on a local network; default {@code false}, public
 *                           addresses and names only. A user name or password in the URL is refused either way.
 */
public record LookupServerConfig(String bindHost, int port, @Nullable Path dataDir, @Nullable String jdbcUrl,
        @Nullable String jdbcUser, @Nullable String jdbcPassword, Duration sessionTtl, Duration joinTokenTtl,
        Duration hostTimeout, int requestsPerSecond, int requestBurst, int maxLoginFailures,
        Duration loginFailureWindow, Clock clock, Consumer<String> log, int maxOpenMatches, int maxMatchesPerDay,
        Duration maxScheduleAhead, int maxRegistrations, Duration registrationWindow, boolean localNetwork) {

    /** the default of {@link #maxOpenMatches()} */
    public static final int DEFAULT_MAX_OPEN_MATCHES = 20;
    /** the default of {@link #maxMatchesPerDay()} */
    public static final int DEFAULT_MAX_MATCHES_PER_DAY = 100;
    /** the default of {@link #maxScheduleAhead()} */
    public static final Duration DEFAULT_MAX_SCHEDULE_AHEAD = Duration.ofDays(366);
    /** the default of {@link #maxRegistrations()} */
    public static final int DEFAULT_MAX_REGISTRATIONS = 20;
    /** the default of {@link #registrationWindow()} */
    public static final Duration DEFAULT_REGISTRATION_WINDOW = Duration.ofHours(1);

    public LookupServerConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (dataDir == null && jdbcUrl == null) {
            throw new IllegalArgumentException("a lookup server needs a data directory or a JDBC URL");
        }
        Objects.requireNonNull(sessionTtl, "sessionTtl");
        Objects.requireNonNull(joinTokenTtl, "joinTokenTtl");
        Objects.requireNonNull(hostTimeout, "hostTimeout");
        Objects.requireNonNull(loginFailureWindow, "loginFailureWindow");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(maxScheduleAhead, "maxScheduleAhead");
        Objects.requireNonNull(registrationWindow, "registrationWindow");
        if (maxOpenMatches < 0 || maxMatchesPerDay < 0 || maxRegistrations < 0) {
            throw new IllegalArgumentException("a quota is 0 (no limit) or more");
        }
        if (maxScheduleAhead.isNegative() || registrationWindow.isNegative() || registrationWindow.isZero()) {
            throw new IllegalArgumentException("maxScheduleAhead may not be negative, registrationWindow must be positive");
        }
    }

    /** The settings of version 1.0 of this record; the ones added since take their defaults. */
    public LookupServerConfig(String bindHost, int port, @Nullable Path dataDir, @Nullable String jdbcUrl,
            @Nullable String jdbcUser, @Nullable String jdbcPassword, Duration sessionTtl, Duration joinTokenTtl,
            Duration hostTimeout, int requestsPerSecond, int requestBurst, int maxLoginFailures,
            Duration loginFailureWindow, Clock clock, Consumer<String> log) {
        this(bindHost, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, sessionTtl, joinTokenTtl, hostTimeout,
                requestsPerSecond, requestBurst, maxLoginFailures, loginFailureWindow, clock, log,
                DEFAULT_MAX_OPEN_MATCHES, DEFAULT_MAX_MATCHES_PER_DAY, DEFAULT_MAX_SCHEDULE_AHEAD,
                DEFAULT_MAX_REGISTRATIONS, DEFAULT_REGISTRATION_WINDOW, false);
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LookupServerConfig}. */
    public static final class Builder {
        private String bindHost = "127.0.0.1";
        private int port = 8080;
        private @Nullable Path dataDir;
        private @Nullable String jdbcUrl;
        private @Nullable String jdbcUser;
        private @Nullable String jdbcPassword;
        private Duration sessionTtl = Duration.ofHours(12);
        private Duration joinTokenTtl = Duration.ofHours(4);
        private Duration hostTimeout = Duration.ofSeconds(30);
        private int requestsPerSecond = 100;
        private int requestBurst = 200;
        private int maxLoginFailures = 5;
        private Duration loginFailureWindow = Duration.ofMinutes(15);
        private Clock clock = Clock.systemUTC();
        private Consumer<String> log = line -> { };
        private int maxOpenMatches = DEFAULT_MAX_OPEN_MATCHES;
        private int maxMatchesPerDay = DEFAULT_MAX_MATCHES_PER_DAY;
        private Duration maxScheduleAhead = DEFAULT_MAX_SCHEDULE_AHEAD;
        private int maxRegistrations = DEFAULT_MAX_REGISTRATIONS;
        private Duration registrationWindow = DEFAULT_REGISTRATION_WINDOW;
        private boolean localNetwork;

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

        public Builder dataDir(Path value) {
            dataDir = value;
            return this;
        }

        public Builder jdbc(String url, @Nullable String user, @Nullable String password) {
            jdbcUrl = url;
            jdbcUser = user;
            jdbcPassword = password;
            return this;
        }

        public Builder sessionTtl(Duration value) {
            sessionTtl = value;
            return this;
        }

        public Builder joinTokenTtl(Duration value) {
            joinTokenTtl = value;
            return this;
        }

        public Builder hostTimeout(Duration value) {
            hostTimeout = value;
            return this;
        }

        public Builder requestLimit(int perSecond, int burst) {
            requestsPerSecond = perSecond;
            requestBurst = burst;
            return this;
        }

        public Builder loginFailures(int max, Duration window) {
            maxLoginFailures = max;
            loginFailureWindow = window;
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

        /**
         * @param open   matches one user may have scheduled or live at once; 0 for no limit
         * @param perDay matches one user may register within 24 hours; 0 for no limit
         */
        public Builder matchQuota(int open, int perDay) {
            maxOpenMatches = open;
            maxMatchesPerDay = perDay;
            return this;
        }

        /** @param value how far ahead of now a match's scheduled start may be */
        public Builder maxScheduleAhead(Duration value) {
            maxScheduleAhead = value;
            return this;
        }

        /**
         * @param max    users one client address may register within the window; 0 for no limit
         * @param window the window
         */
        public Builder registrationLimit(int max, Duration window) {
            maxRegistrations = max;
            registrationWindow = window;
            return this;
        }

        /**
         * @param value whether matches may name local addresses and host names as their {@code hostUrl}: for local
         *              mode and a server on a local network
         */
        public Builder localNetwork(boolean value) {
            localNetwork = value;
            return this;
        }

        public LookupServerConfig build() {
            return new LookupServerConfig(bindHost, port, dataDir, jdbcUrl, jdbcUser, jdbcPassword, sessionTtl,
                    joinTokenTtl, hostTimeout, requestsPerSecond, requestBurst, maxLoginFailures, loginFailureWindow,
                    clock, log, maxOpenMatches, maxMatchesPerDay, maxScheduleAhead, maxRegistrations,
                    registrationWindow, localNetwork);
        }
    }
}
