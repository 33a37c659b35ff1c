package io.sideline.lookup;

import io.sideline.protocol.ProtocolError;

/**
 * The error codes of the lookup server's HTTP API, with their HTTP status. A request body that is not
 * valid JSON or breaks a field rule is refused with the protocol's own codes ({@link ProtocolError}:
 * {@code malformed_json}, {@code missing_field}, {@code wrong_type}, {@code too_long},
 * {@code out_of_range}, {@code invalid_value} with 400, {@code message_too_large} with 413), so a
 * client handles one set of codes for both halves of Sideline.
 */
public enum LookupError {
    /** the HTTP request itself could not be read: a broken request line, header or path (400) */
    BAD_REQUEST("bad_request", 400),
    /** the request needs a session: none was sent, or it expired, or it was revoked by logout (401) */
    UNAUTHORIZED("unauthorized", 401),
    /** the user name and password do not match; the same answer for an unknown user (401) */
    BAD_CREDENTIALS("bad_credentials", 401),
    /** only the match's owner may do that (403) */
    FORBIDDEN("forbidden", 403),
    /** no such match, or no such endpoint (404) */
    NOT_FOUND("not_found", 404),
    /** the endpoint does not take this HTTP method (405) */
    METHOD_NOT_ALLOWED("method_not_allowed", 405),
    /** the user name is taken (409) */
    USER_EXISTS("user_exists", 409),
    /** too many requests, or too many failed identifications; {@code Retry-After} says when to try again (429) */
    RATE_LIMITED("rate_limited", 429),
    /** the server failed; nothing was stored (500) */
    INTERNAL("internal", 500),
    /** client side: the server did not answer in time (no HTTP status) */
    TIMEOUT("timeout", 0),
    /** client side: the server could not be reached (no HTTP status) */
    UNREACHABLE("unreachable", 0);

    private final String code;
    private final int status;

    LookupError(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** @return the wire code */
    public String code() {
        return code;
    }

    /** @return the HTTP status, or 0 for the client-side codes */
    public int status() {
        return status;
    }

    /** @return the HTTP status for a refused request body */
    public static int statusOf(ProtocolError error) {
        return error == ProtocolError.MESSAGE_TOO_LARGE ? 413 : 400;
    }
}
