package io.sideline.protocol;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An event the host's vote accepted, broadcast to every peer, type {@code "accepted"}.
 * <p>
 * The timeline is the sequence of these messages ordered by {@link #seq()}, which has no gaps: every
 * message the host broadcasts, every version of every event, takes the next sequence number. An event
 * keeps its {@link #id()} for life; a correction produces a new message with the same id, the next
 * {@link #seq()}, a higher {@link #version()} and the status {@link Status#AMENDED} or
 * {@link Status#RETRACTED}. A peer that holds every message up to a sequence number holds the timeline.
 * <p>
 * Its {@code event} object is the original design's, {@code "type": "event"} included, so a client of
 * that design that reads the {@code event} object sees the accepted event.
 *
 * @param time       when the host accepted this version (the seed's "time of sending")
 * @param id         the stable id of the event
 * @param seq        its position in the host's timeline, 1-based and without gaps
 * @param version    1 when first accepted, one more for each correction
 * @param status     accepted, amended or retracted
 * @param event      the event as accepted: the vote's title and origin, and the median reported time
 * @param votes      how many distinct peers reported it
 * @param confidence how sure the vote is, from 0 to 1
 * @param reason     optional: why it was corrected
 * @param playerShare optional: the share of the supporters who named a player that named the event's player (0 to
 *                   1), when reporters named players. Since protocol 1.3.
 */
public record Accepted(Instant time, String id, long seq, int version, Status status, TimelineEvent event, int votes,
        double confidence, @Nullable String reason, @Nullable Double playerShare) implements Message {

    public static final String TYPE = "accepted";

    /** The state of an accepted event after its latest version. */
    public enum Status {
        /** accepted by the vote, never corrected */
        ACCEPTED("accepted"),
        /** corrected: this version replaces the earlier ones */
        AMENDED("amended"),
        /** withdrawn by a voted retraction: a tombstone */
        RETRACTED("retracted");

        private final String wire;

        Status(String wire) {
            this.wire = wire;
        }

        /** @return the JSON value */
        public String wire() {
            return wire;
        }

        /** @return the status with this JSON value, or {@code null} */
        public static @Nullable Status fromWire(String value) {
            for (Status s : values()) {
                if (s.wire.equals(value)) {
                    return s;
                }
            }
            return null;
        }
    }

    /** A version without a player share. */
    public Accepted(Instant time, String id, long seq, int version, Status status, TimelineEvent event, int votes,
            double confidence, @Nullable String reason) {
        this(time, id, seq, version, status, event, votes, confidence, reason, null);
    }

    public Accepted {
        if (playerShare != null && !(playerShare >= 0 && playerShare <= 1)) {
            throw new IllegalArgumentException("a player share is between 0 and 1: " + playerShare);
        }
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(event, "event");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
