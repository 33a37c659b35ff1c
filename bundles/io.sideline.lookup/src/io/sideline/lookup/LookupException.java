package io.sideline.lookup;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The lookup server refused a request, or could not be reached. {@link #getMessage()} is the server's
 * explanation, written for a person.
 */
public final class LookupException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;
    private final @Nullable String field;
    private final transient @Nullable Duration retryAfter;

    /**
     * @param code       the error code (a {@link LookupError} or {@link io.sideline.protocol.ProtocolError} code)
     * @param status     the HTTP status, 0 when there was no answer
     * @param message    the explanation
     * @param field      the offending field of the request, or {@code null}
     * @param retryAfter when to try again, for {@code rate_limited}; otherwise {@code null}
     */
    public LookupException(String code, int status, String message, @Nullable String field,
            @Nullable Duration retryAfter) {
        super(message);
        this.code = code;
        this.status = status;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    /** @return a client-side error without an HTTP answer */
    public static LookupException of(LookupError error, String message, @Nullable Throwable cause) {
        LookupException e = new LookupException(error.code(), error.status(), message, null, null);
        e.initCause(cause);
        return e;
    }

    /** @return the error code */
    public String code() {
        return code;
    }

    /** @return the HTTP status, 0 when the server did not answer */
    public int status() {
        return status;
    }

    /** @return the offending field of the request, or {@code null} */
    public @Nullable String field() {
        return field;
    }

    /** @return when to try again, or {@code null} */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** @return whether this is that error */
    public boolean is(LookupError error) {
        return error.code().equals(code);
    }
}
