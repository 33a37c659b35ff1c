package io.sideline.protocol;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A peer's first message on a host connection, type {@code "hello"}: its join token and, when it
 * reconnects, the sequence number of the last accepted event it holds, so that the host sends only
 * what it missed. A peer of the original design, which sends a report first, is identified by that
 * report's token instead.
 *
 * @param token   the join token from the lookup server
 * @param lastSeq optional: the last sequence number the peer holds; absent or 0 means "from the start"
 * @param client  optional: the client's name and version, for the host's log
 */
public record Hello(String token, @Nullable Long lastSeq, @Nullable String client) implements Message {

    public static final String TYPE = "hello";

    public Hello {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
