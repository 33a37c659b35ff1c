package io.sideline.lookup.server.internal.store;

/** The database failed; the operation did not happen. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
