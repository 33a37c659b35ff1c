package io.sideline.lookup;

import java.time.Instant;
import java.util.Objects;

/**
 * What a user gets to join a match: where its host is, and the token to identify with there.
 *
 * @param matchId   the match
 * @param hostUrl   the host's WebSocket URL
 * @param token     the join token: 256 random bits, bound to this user and this match; a secret
 * @param expiresAt when the host stops accepting it
 */
public record JoinTicket(String matchId, String hostUrl, String token, Instant expiresAt) {

    public JoinTicket {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(hostUrl, "hostUrl");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "JoinTicket[matchId=" + matchId + ", hostUrl=" + hostUrl + ", expiresAt=" + expiresAt + "]";
    }
}
