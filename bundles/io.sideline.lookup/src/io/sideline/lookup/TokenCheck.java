package io.sideline.lookup;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The lookup server's answer to a host asking whether a join token is good for its match.
 *
 * @param active    whether the host may accept the peer
 * @param user      the user the token was given to, when active
 * @param matchId   the match, when active
 * @param expiresAt when the token expires, when active
 * @param reason    when not active: {@code "unknown"}, {@code "expired"}, {@code "other_match"} or {@code "revoked"}
 */
public record TokenCheck(boolean active, @Nullable String user, @Nullable String matchId, @Nullable Instant expiresAt,
        @Nullable String reason) {

    /** the token was never issued, or was forged */
    public static final String UNKNOWN = "unknown";
    /** the token has expired */
    public static final String EXPIRED = "expired";
    /** the token was issued for another match */
    public static final String OTHER_MATCH = "other_match";
    /** the session the token was issued under has ended: its user logged out (since 1.1) */
    public static final String REVOKED = "revoked";

    /** @return a refusal with this reason */
    public static TokenCheck refused(String reason) {
        return new TokenCheck(false, null, null, null, reason);
    }
}
