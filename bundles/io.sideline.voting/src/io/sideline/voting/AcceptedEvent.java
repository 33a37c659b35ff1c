package io.sideline.voting;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.sideline.protocol.Location;

import org.jspecify.annotations.Nullable;

/**
 * One version of an event the vote accepted. An event keeps its {@link #id()}; each correction makes a
 * new version.
 *
 * @param id         the stable id
 * @param version    1 when first accepted, one more per correction
 * @param status     accepted, amended or retracted (a tombstone)
 * @param title      the action
 * @param origin     who made it
 * @param eventTime  the median of the reported times
 * @param player     the player most reporters named, or {@code null}
 * @param qualifiers details from the first report that carried them
 * @param votes      how many distinct identities reported it
 * @param confidence the reporters' weighted support, as a share of the active reporters' weight, 0 to 1
 * @param acceptedAt when this version was decided
 * @param reason     for a correction: why
 * @param location   the median of the locations its supporters reported, or {@code null} when none did
 * @param playerShare of the supporters who named a player, the share that named {@code player}; {@code null}
 *                   when none named one
 */
public record AcceptedEvent(String id, int version, Status status, String title, String origin, Instant eventTime,
        @Nullable String player, Map<String, String> qualifiers, int votes, double confidence, Instant acceptedAt,
        @Nullable String reason, @Nullable Location location, @Nullable Double playerShare) {

    /** The state of an event after a version. */
    public enum Status {
        /** accepted, never corrected */
        ACCEPTED,
        /** corrected */
        AMENDED,
        /** withdrawn */
        RETRACTED
    }

    /** A version without location and player share. */
    public AcceptedEvent(String id, int version, Status status, String title, String origin, Instant eventTime,
            @Nullable String player, Map<String, String> qualifiers, int votes, double confidence, Instant acceptedAt,
            @Nullable String reason) {
        this(id, version, status, title, origin, eventTime, player, qualifiers, votes, confidence, acceptedAt, reason,
                null, null);
    }

    public AcceptedEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
        qualifiers = qualifiers == null ? Map.of() : Map.copyOf(qualifiers);
    }

    /** @return whether this version still stands in the timeline */
    public boolean standing() {
        return status != Status.RETRACTED;
    }
}
