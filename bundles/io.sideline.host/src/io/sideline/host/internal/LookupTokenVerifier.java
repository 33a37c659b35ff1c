package io.sideline.host.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.sideline.host.TokenVerifier;
import io.sideline.lookup.Session;
import io.sideline.lookup.TokenCheck;
import io.sideline.lookup.client.LookupClient;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;

/**
 * Checks join tokens with the lookup server, as the match's owner, and remembers a good answer for
 * {@link #REMEMBER} (or until the token expires, if sooner), so that peers reconnecting at once cost no request,
 * and a token revoked by its user's logout is refused to new connections at most that long after.
 */
public final class LookupTokenVerifier implements TokenVerifier {

    /** how long a good answer is used without asking again */
    public static final Duration REMEMBER = Duration.ofSeconds(30);

    /** a good answer and when it was given */
    private record Good(TokenCheck check, Instant until) {
    }

    private final LookupClient client;
    private final Supplier<Session> host;
    private final String matchId;
    private final Clock clock;
    private final Map<String, Good> good = new ConcurrentHashMap<>();

    /**
     * @param client  the lookup server's client
     * @param host    the session of the match's owner
     * @param matchId the match this host serves
     */
    public LookupTokenVerifier(LookupClient client, Session host, String matchId, Clock clock) {
        this(client, () -> host, matchId, clock);
    }

    /**
     * @param client  the lookup server's client
     * @param host    the current session of the match's owner, for a host that identifies again when its
     *                session expires
     * @param matchId the match this host serves
     */
    public LookupTokenVerifier(LookupClient client, Supplier<Session> host, String matchId, Clock clock) {
        this.client = client;
        this.host = host;
        this.matchId = matchId;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<String> verify(String token) {
        Good cached = good.get(token);
        Instant now = clock.instant();
        if (cached != null && cached.until().isAfter(now)) {
            return CompletableFuture.completedFuture(cached.check().user());
        }
        if (cached != null) {
            good.remove(token, cached);
        }
        if (good.size() > 10_000) { // answers no longer used: a bound on memory
            good.values().removeIf(g -> !g.until().isAfter(now));
        }
        return client.checkToken(host.get(), matchId, token).handle((check, failure) -> {
            if (failure != null) {
                throw new CompletionException(new ProtocolException(ProtocolError.INTERNAL, "token",
                        "the host could not check your token with the lookup server; try again shortly"));
            }
            if (check.active()) {
                // an active check has its expiry (LookupJson.tokenCheck)
                Instant expires = Objects.requireNonNull(check.expiresAt(), "expiresAt");
                Instant until = now.plus(REMEMBER);
                good.put(token, new Good(check, expires.isBefore(until) ? expires : until));
                return check.user();
            }
            ProtocolException refusal = TokenCheck.EXPIRED.equals(check.reason())
                    ? new ProtocolException(ProtocolError.TOKEN_EXPIRED, "token",
                            "your join token has expired; ask the lookup server to join again")
                    : new ProtocolException(ProtocolError.BAD_TOKEN, "token", TokenCheck.OTHER_MATCH.equals(check.reason())
                            ? "this join token is for another match"
                            : TokenCheck.REVOKED.equals(check.reason())
                                    ? "this join token was revoked: you logged out of the session it was issued to; "
                                            + "identify and join again"
                                    : "this join token is not one the lookup server issued");
            throw new CompletionException(refusal);
        });
    }
}
