package io.sideline.protocol;

import org.jspecify.annotations.Nullable;

/**
 * A message was refused. {@link #getMessage()} says why in words a person understands and names the
 * field; {@link #toErrorMessage(String)} is what goes back to the peer.
 */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ProtocolError error;
    private final @Nullable String field;

    /**
     * @param error   the code
     * @param field   the JSON path of the offending field, or {@code null} when it is the whole message
     * @param message what is wrong, in words
     */
    public ProtocolException(ProtocolError error, @Nullable String field, String message) {
        super(message);
        this.error = error;
        this.field = field;
    }

    /** @return the error code */
    public ProtocolError error() {
        return error;
    }

    /** @return the JSON path of the offending field, or {@code null} */
    public @Nullable String field() {
        return field;
    }

    /**
     * @param ref the {@code ref} of the refused message, if it had one
     * @return the error message to send back to the peer
     */
    public ErrorMessage toErrorMessage(@Nullable String ref) {
        String message = sendable(getMessage());
        return new ErrorMessage(error.code(), message.isBlank() ? error.code() : message,
                field == null ? null : sendable(field), ref);
    }

    /**
     * An error message is itself a message: its text must pass the peer's checks (no control
     * characters, at most the standard token length), or the peer would refuse the explanation too.
     */
    private static String sendable(String text) {
        int max = ProtocolLimits.STANDARD.maxTokenLength();
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (b.length() <= max) {
            return b.toString();
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(b.charAt(cut - 1))) {
            cut--;
        }
        return b.substring(0, cut) + "…";
    }
}
