package io.sideline.lookup.server.internal;

import java.time.Duration;

import io.sideline.lookup.LookupError;

/** A request the server refuses: the HTTP layer turns it into a JSON error with its status. */
public final class ApiException extends Exception {

    private static final long serialVersionUID = 1L;

    private final LookupError error;
    private final String field;
    private final transient Duration retryAfter;

    public ApiException(LookupError error, String message) {
        this(error, message, null, null);
    }

    public ApiException(LookupError error, String message, String field, Duration retryAfter) {
        super(message);
        this.error = error;
        this.field = field;
        this.retryAfter = retryAfter;
    }

    public LookupError error() {
        return error;
    }

    public String field() {
        return field;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
