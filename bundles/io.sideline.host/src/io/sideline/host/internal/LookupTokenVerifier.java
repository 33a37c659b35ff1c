package io.sideline.host.internal;

import java.time.Clock;
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
 * Checks join tokens with the lookup server, as the match's owner, and remembers good answers until the
 * token expires, so a reconnecting peer costs no request.
 */
public final class LookupTokenVerifier implements TokenVerifier {

    private final LookupClient client;
    private final Supplier<Session> host;
    private final String matchId;
    private final Clock clock;
    private final Map<String, TokenCheck> good = new ConcurrentHashMap<>();

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
        TokenCheck cached = good.get(token);
        Instant now = clock.instant();
        // only active checks are cached, and an active check has its expiry (LookupJson.tokenCheck)
        if (cached != null && Objects.requireNonNull(cached.expiresAt(), "expiresAt").isAfter(now)) {
            return CompletableFuture.completedFuture(cached.user());
        }
        return client.checkToken(host.get(), matchId, token).handle((check, failure) -> {
            if (failure != null) {
                throw new CompletionException(new ProtocolException(ProtocolError.INTERNAL, "token",
                        "the host could not check your token with the lookup server; try again shortly"));
            }
            if (check.active()) {
                good.put(token, check);
                return check.user();
            }
            ProtocolException refusal = TokenCheck.EXPIRED.equals(check.reason())
                    ? new ProtocolException(ProtocolError.TOKEN_EXPIRED, "token",
                            "your join token has expired; ask the lookup server to join again")
                    : new ProtocolException(ProtocolError.BAD_TOKEN, "token", TokenCheck.OTHER_MATCH.equals(check.reason())
                            ? "this join token is for another match" : "this join token is not one the lookup server issued");
            throw new CompletionException(refusal);
        });
    }
}
