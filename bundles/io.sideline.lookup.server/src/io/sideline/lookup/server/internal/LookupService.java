package io.sideline.lookup.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupError;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.Page;
import io.sideline.lookup.Session;
import io.sideline.lookup.TokenCheck;
import io.sideline.lookup.internal.LookupJson.Credentials;
import io.sideline.lookup.server.LookupServerConfig;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.lookup.server.internal.store.LookupStore;
import io.sideline.lookup.server.internal.store.LookupStore.Grant;
import io.sideline.lookup.server.internal.store.LookupStore.User;
import io.sideline.lookup.server.internal.store.MatchStates;

/** The lookup server's rules, apart from HTTP: who may do what, and what it does. */
public final class LookupService {

    /** the one answer to a wrong password and to an unknown user */
    static final String BAD_CREDENTIALS = "unknown user name or wrong password";

    private final LookupStore store;
    private final Passwords passwords = new Passwords();
    /**
     * Password hashing is deliberately slow (about 150 ms of CPU each): at most one per core runs at once,
     * so a burst of registrations or identifications cannot starve searches and joins.
     */
    static final int HASHING_CORES = Math.max(1, Runtime.getRuntime().availableProcessors());
    /** how many requests may wait for a core to hash on; more are refused at once (429) */
    static final int HASHING_WAITERS = 2 * HASHING_CORES;
    private final Semaphore hashing = new Semaphore(HASHING_CORES, true);
    /** requests hashing or waiting to */
    private final AtomicInteger hashingAdmitted = new AtomicInteger();
    private final Tokens tokens = new Tokens();
    private final JoinTokens joinTokens;
    private final Throttle throttle;
    private final Clock clock;
    private final Duration sessionTtl;
    private final Duration joinTokenTtl;
    private final Duration hostTimeout;
    private final RegistrationLimit registrations;
    private final int maxOpenMatches;
    private final int maxMatchesPerDay;
    private final Duration maxScheduleAhead;
    private final boolean localNetwork;

    public LookupService(LookupStore store, Throttle throttle, LookupServerConfig config) {
        this.store = store;
        this.throttle = throttle;
        this.clock = config.clock();
        this.sessionTtl = config.sessionTtl();
        this.joinTokenTtl = config.joinTokenTtl();
        this.hostTimeout = config.hostTimeout();
        this.registrations = new RegistrationLimit(clock, config.maxRegistrations(), config.registrationWindow());
        this.maxOpenMatches = config.maxOpenMatches();
        this.maxMatchesPerDay = config.maxMatchesPerDay();
        this.maxScheduleAhead = config.maxScheduleAhead();
        this.localNetwork = config.localNetwork();
        this.joinTokens = new JoinTokens(store.secret("join-token-key", JoinTokens.newSecret()));
    }

    /** @return now, to the millisecond: the store keeps milliseconds, so answers never show more */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private MatchStates states() {
        return new MatchStates(now(), hostTimeout);
    }

    /** @return the registered user's name, unless this address has registered as many users as it may lately */
    public String register(Credentials c, String address) throws ApiException {
        RegistrationLimit.Reservation place = registrations.reserve(address);
        boolean created = false;
        try {
            String hash = hashed(() -> passwords.hash(c.password()));
            if (!store.createUser(c.user(), hash, now())) {
                throw new ApiException(LookupError.USER_EXISTS, "the user name \"" + c.user() + "\" is taken", "user",
                        null);
            }
            created = true;
            return c.user();
        } finally {
            if (!created) {
                registrations.release(place);
            }
        }
    }

    /** @return a new session, if the password matches and the user and address are not throttled */
    public Session identify(Credentials c, String address) throws ApiException {
        User user;
        // first a place in the password queue (or 429 busy), then the attempt is counted: so only attempts
        // that will be checked now count, and at most the limit's number of them per user is ever checked
        try (HashingSlot slot = hashingSlot()) {
            Throttle.Attempt attempt;
            try {
                attempt = throttle.identify(c.user().toLowerCase(java.util.Locale.ROOT), address);
            } catch (Throttle.Refused r) {
                throw new ApiException(LookupError.RATE_LIMITED, "too many failed attempts; try again in "
                        + HttpApi.seconds(r.retryAfter()) + " s", null, r.retryAfter());
            }
            boolean right;
            try {
                user = store.findUser(c.user()).orElse(null);
                User known = user;
                right = slot.run(() -> passwords.verify(c.password(), known == null ? null : known.passwordHash()));
            } catch (ApiException | RuntimeException e) {
                attempt.cancel(); // the password was not checked
                throw e;
            }
            if (!right) {
                attempt.failed();
                throw new ApiException(LookupError.BAD_CREDENTIALS, BAD_CREDENTIALS);
            }
            attempt.succeeded();
        }
        if (passwords.isOutdated(user.passwordHash())) {
            store.updatePasswordHash(user.name(), hashed(() -> passwords.hash(c.password())));
        }
        String token = tokens.newToken();
        Instant now = now();
        Instant expires = now.plus(sessionTtl);
        store.createSession(Tokens.hash(token), user.name(), now, expires);
        return new Session(user.name(), token, expires);
    }

    /** Runs password work when a core is free (see {@link #hashingSlot()}). */
    private <T> T hashed(java.util.function.Supplier<T> work) throws ApiException {
        try (HashingSlot slot = hashingSlot()) {
            return slot.run(work);
        }
    }

    /**
     * @return a place in the password queue. At most {@link #HASHING_WAITERS} requests wait for a core
     *         (each a few hashes at most); beyond that the answer is an immediate 429 with
     *         {@code Retry-After: 1}, so password work never holds more than a handful of the server's threads
     *         and other requests stay fast.
     */
    private HashingSlot hashingSlot() throws ApiException {
        if (hashingAdmitted.incrementAndGet() > HASHING_CORES + HASHING_WAITERS) {
            hashingAdmitted.decrementAndGet();
            throw busy();
        }
        return new HashingSlot();
    }

    /** A place in the password queue; close it to leave. */
    private final class HashingSlot implements AutoCloseable {
        private boolean closed;

        /** runs password work on a free core, waiting for one at most 10 s */
        <T> T run(java.util.function.Supplier<T> work) throws ApiException {
            boolean acquired;
            try {
                acquired = hashing.tryAcquire(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acquired = false;
            }
            if (!acquired) {
                throw busy();
            }
            try {
                return work.get();
            } finally {
                hashing.release();
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                hashingAdmitted.decrementAndGet();
            }
        }
    }

    private static ApiException busy() {
        return new ApiException(LookupError.RATE_LIMITED, "the server is busy checking passwords; try again in 1 s",
                null, Duration.ofSeconds(1));
    }

    /** ends a session; its token stops working at once */
    public void logout(String sessionToken) throws ApiException {
        authenticate(sessionToken);
        store.deleteSession(Tokens.hash(sessionToken));
    }

    /** @return the user of a live session */
    public String authenticate(String sessionToken) throws ApiException {
        return caller(sessionToken).user();
    }

    /**
     * Who sent a request, and under which session.
     *
     * @param user      the user
     * @param session   the hash of the session's token, the form the store keeps
     * @param expiresAt when the session ends
     */
    public record Caller(String user, String session, Instant expiresAt) {
    }

    /** @return the user of a live session, with the session */
    public Caller caller(String sessionToken) throws ApiException {
        if (sessionToken == null || sessionToken.isBlank()) {
            throw new ApiException(LookupError.UNAUTHORIZED,
                    "identify first: send the session token as \"Authorization: Bearer TOKEN\"");
        }
        String hash = Tokens.hash(sessionToken);
        Grant g = store.findSession(hash).orElse(null);
        if (g == null || !g.expiresAt().isAfter(now())) {
            throw new ApiException(LookupError.UNAUTHORIZED, "the session has expired or was ended; identify again");
        }
        return new Caller(g.user(), hash, g.expiresAt());
    }

    /**
     * @return the new match, owned and hosted by the user, unless it starts too far ahead or the user is over a
     *         match quota
     */
    public Match create(String user, MatchDraft draft) throws ApiException, ProtocolException {
        Instant now = now();
        HostUrls.check("hostUrl", draft.hostUrl(), localNetwork);
        if (draft.scheduledStart().isAfter(now.plus(maxScheduleAhead))) {
            throw new ProtocolException(ProtocolError.OUT_OF_RANGE, "scheduledStart", "\"scheduledStart\" is "
                    + draft.scheduledStart() + ", more than " + maxScheduleAhead.toDays() + " days from now; register a "
                    + "match at most " + maxScheduleAhead.toDays() + " days before it starts");
        }
        Instant daySince = now.minus(Duration.ofDays(1));
        return store.createMatch(tokens.newMatchId(), draft, user, now, new MatchStates(now, hostTimeout), daySince,
                has -> {
                    if (maxOpenMatches > 0 && has.open() >= maxOpenMatches) {
                        throw new ApiException(LookupError.FORBIDDEN, "you already have " + has.open()
                                + " matches that are scheduled or live, the most this server allows; finish one first"
                                + " (POST /v1/matches/{id}/finish)", null, null);
                    }
                    if (maxMatchesPerDay > 0 && has.createdSince() >= maxMatchesPerDay) {
                        Instant oldest = has.oldestCreatedSince() == null ? now : has.oldestCreatedSince();
                        Duration wait = Duration.between(now, oldest.plus(Duration.ofDays(1)));
                        if (wait.isNegative() || wait.isZero()) {
                            wait = Duration.ofSeconds(1);
                        }
                        throw new ApiException(LookupError.RATE_LIMITED, "you registered " + has.createdSince()
                                + " matches within 24 hours, the most this server allows; try again in "
                                + HttpApi.seconds(wait) + " s", null, wait);
                    }
                });
    }

    /** @return the match */
    public Match get(String id) throws ApiException {
        return store.findMatch(id, states())
                .orElseThrow(() -> new ApiException(LookupError.NOT_FOUND, "there is no match \"" + id + "\""));
    }

    /** @return the matches the query selects */
    public Page<Match> search(MatchQuery query) {
        return store.searchMatches(query, states());
    }

    /**
     * @return where the match's host is and a token for this user to join it with: it lasts the join token lifetime,
     *         or until the session it was asked for ends if that is sooner, and logout revokes it
     */
    public JoinTicket join(Caller caller, String matchId) throws ApiException {
        Match m = get(matchId);
        Instant expires = now().plus(joinTokenTtl);
        if (caller.expiresAt().isBefore(expires)) {
            expires = caller.expiresAt();
        }
        // signed, not stored: a join writes nothing to the database
        return new JoinTicket(m.id(), m.hostUrl(), joinTokens.issue(caller.user(), m.id(), expires, caller.session()),
                expires);
    }

    private Match owned(String user, String matchId) throws ApiException {
        Match m = get(matchId);
        if (!m.owner().equals(user)) {
            throw new ApiException(LookupError.FORBIDDEN, "only the host of match \"" + matchId + "\" ("
                    + m.owner() + ") may do that");
        }
        return m;
    }

    /**
     * Records that a match's host is alive, and where it can be reached now when it says so (a host that
     * restarted on another port or address).
     *
     * @param hostUrl the host's WebSocket URL, its form already validated, or {@code null} to keep the one registered
     * @return the match's state
     */
    public MatchState heartbeat(String user, String matchId, String hostUrl) throws ApiException, ProtocolException {
        if (hostUrl != null) {
            HostUrls.check("hostUrl", hostUrl, localNetwork);
        }
        owned(user, matchId);
        store.heartbeat(matchId, now(), hostUrl);
        return get(matchId).state();
    }

    /** @return the match, finished */
    public Match finish(String user, String matchId) throws ApiException {
        owned(user, matchId);
        store.finish(matchId, now());
        return get(matchId);
    }

    /** @return whether a join token lets its holder into this host's match */
    public TokenCheck checkToken(String user, String matchId, String joinToken) throws ApiException {
        owned(user, matchId);
        JoinTokens.Signed signed = null;
        Grant g;
        if (JoinTokens.isSigned(joinToken)) {
            signed = joinTokens.verify(joinToken).orElse(null);
            g = signed == null ? null : signed.grant();
        } else {
            g = store.findJoinToken(Tokens.hash(joinToken)).orElse(null); // issued before tokens were signed
        }
        if (g == null) {
            return TokenCheck.refused(TokenCheck.UNKNOWN);
        }
        if (!g.matchId().equals(matchId)) {
            return TokenCheck.refused(TokenCheck.OTHER_MATCH);
        }
        Instant now = now();
        if (!g.expiresAt().isAfter(now)) {
            return TokenCheck.refused(TokenCheck.EXPIRED);
        }
        if (signed != null && signed.session() != null) {
            Grant session = store.findSession(signed.session()).orElse(null);
            if (session == null || !session.expiresAt().isAfter(now)) {
                return TokenCheck.refused(TokenCheck.REVOKED); // its user logged out of that session
            }
        }
        return new TokenCheck(true, g.user(), g.matchId(), g.expiresAt(), null);
    }

    /** @return how many expired sessions and tokens were deleted */
    public int purgeExpired() {
        return store.purgeExpired(now());
    }
}
