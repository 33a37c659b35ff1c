package io.sideline.protocol;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An error sent to one peer, type {@code "error"}: a machine-readable code and a message a person
 * understands. The connection stays open unless the code says otherwise (see {@link ProtocolError}).
 *
 * @param code    the error code, one of {@link ProtocolError}'s wire codes; unknown codes from a newer
 *                host are kept as they are
 * @param message what went wrong, in words
 * @param field   optional: the JSON path of the offending field, for example {@code "event.title"}
 * @param ref     optional: the {@code ref} of the message that caused it
 */
public record ErrorMessage(String code, String message, @Nullable String field, @Nullable String ref) implements Message {

    public static final String TYPE = "error";

    public ErrorMessage {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** @return an error with this code and message */
    public static ErrorMessage of(ProtocolError error, String message) {
        return new ErrorMessage(error.code(), message, null, null);
    }

    /** @return the known error for {@link #code()}, or {@code null} if this host is newer than us */
    public @Nullable ProtocolError error() {
        return ProtocolError.fromCode(code);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
