package io.sideline.protocol;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A peer's report that something happened: the original design's message, type {@code "event"}.
 * <p>
 * Read in both shapes the design shows: with {@code "type": "event"} at the top level, or inside the
 * {@code event} object. Written with both, so either kind of reader understands it.
 *
 * @param time  when the report was sent (seed field {@code time})
 * @param token the sender's join token (seed field {@code token})
 * @param event what happened
 * @param ref   optional: an id the sender chooses for this report, echoed in errors so a client can
 *              match them to what it sent
 */
public record EventReport(Instant time, String token, TimelineEvent event, @Nullable String ref) implements Message {

    public static final String TYPE = "event";

    public EventReport {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(event, "event");
    }

    /** The original design's report: time, token and event. */
    public EventReport(Instant time, String token, TimelineEvent event) {
        this(time, token, event, null);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
