package io.sideline.protocol;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A peer's request to correct an accepted event, type {@code "correction"}. Corrections are voted like
 * reports; an accepted one produces a new {@link Accepted} version of the same id, never a silent
 * rewrite.
 *
 * @param time    when the correction was sent
 * @param token   the sender's join token
 * @param target  the stable id of the accepted event to correct
 * @param action  retract it, or amend it
 * @param amended for {@link Action#AMEND}: the event as it should be; {@code null} for a retraction
 * @param reason  optional: why, for the feed ("goal disallowed: offside")
 * @param ref     optional: an id the sender chooses, echoed in errors
 */
public record Correction(Instant time, String token, String target, Action action, @Nullable TimelineEvent amended,
        @Nullable String reason, @Nullable String ref) implements Message {

    public static final String TYPE = "correction";

    /** What a correction asks for. */
    public enum Action {
        /** withdraw the event: it becomes a tombstone */
        RETRACT("retract"),
        /** replace its title, origin, time or details */
        AMEND("amend");

        private final String wire;

        Action(String wire) {
            this.wire = wire;
        }

        /** @return the JSON value */
        public String wire() {
            return wire;
        }

        /** @return the action with this JSON value, or {@code null} */
        public static @Nullable Action fromWire(String value) {
            for (Action a : values()) {
                if (a.wire.equals(value)) {
                    return a;
                }
            }
            return null;
        }
    }

    public Correction {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(action, "action");
        if (action == Action.AMEND && amended == null) {
            throw new IllegalArgumentException("an amendment needs the amended event");
        }
        if (action == Action.RETRACT && amended != null) {
            throw new IllegalArgumentException("a retraction carries no amended event");
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
