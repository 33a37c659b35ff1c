package io.sideline.protocol;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A keep-alive, type {@code "heartbeat"}, sent either way when a connection has been quiet. The host's
 * carries its newest sequence number, so a peer notices a gap without waiting for the next event.
 *
 * @param time when it was sent
 * @param seq  optional: the sender's newest sequence number
 */
public record Heartbeat(Instant time, @Nullable Long seq) implements Message {

    public static final String TYPE = "heartbeat";

    public Heartbeat {
        Objects.requireNonNull(time, "time");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
