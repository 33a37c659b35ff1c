package io.sideline.lookup;

import java.time.Instant;
import java.util.Objects;

/**
 * An identified user: what {@code POST /v1/sessions} returns. The token goes in the
 * {@code Authorization: Bearer} header of every later request.
 *
 * @param user      the user name
 * @param token     the session token, 256 random bits; a secret
 * @param expiresAt when it stops working
 */
public record Session(String user, String token, Instant expiresAt) {

    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "Session[user=" + user + ", expiresAt=" + expiresAt + "]"; // never print the token
    }
}
