package io.sideline.host;

import java.util.concurrent.CompletableFuture;

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
}
