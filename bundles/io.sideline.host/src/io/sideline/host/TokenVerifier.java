package io.sideline.host;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.sideline.host.internal.LookupTokenVerifier;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;

/**
 * Checks a peer's join token. The host asks it once per connection.
 */
@FunctionalInterface
public interface TokenVerifier {

    /**
     * @param token the join token a peer sent
     * @return a future completing with the identity (user name) the token belongs to, or exceptionally with
     *         a {@link io.sideline.protocol.ProtocolException} of code {@code bad_token} or {@code token_expired}
     */
    CompletableFuture<String> verify(String token);

    /**
     * @param lookup  the lookup server that issued the tokens
     * @param owner   the session of the match's owner, who alone may ask about its tokens (a supplier, so a
     *                session identified again after it expired is used)
     * @param matchId the match the tokens must be for
     * @param clock   the clock of token expiry
     * @return a verifier that asks the lookup server about each token, and remembers a good answer for 30 seconds
     *         (or until the token expires, if sooner), so a peer reconnecting at once costs no request; a token
     *         revoked by its user's logout is refused to new connections at most 30 seconds later
     */
    static TokenVerifier lookup(LookupClient lookup, Supplier<Session> owner, String matchId, Clock clock) {
        return new LookupTokenVerifier(lookup, owner, matchId, clock);
    }
}
