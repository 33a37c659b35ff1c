package io.sideline.protocol;

import org.jspecify.annotations.Nullable;

/**
 * The error codes of the protocol. The wire code of each is fixed: clients may branch on it.
 */
public enum ProtocolError {
    /** the text is not valid JSON */
    MALFORMED_JSON("malformed_json", false),
    /** the message is larger than {@link ProtocolLimits#maxMessageBytes()} */
    MESSAGE_TOO_LARGE("message_too_large", false),
    /** the {@code type} is not one this side knows */
    UNKNOWN_TYPE("unknown_type", false),
    /** a required field is absent or null */
    MISSING_FIELD("missing_field", false),
    /** a field has the wrong JSON type, for example a number where a string belongs */
    WRONG_TYPE("wrong_type", false),
    /** a string or a list is longer than the protocol allows */
    TOO_LONG("too_long", false),
    /** a number is outside its range */
    OUT_OF_RANGE("out_of_range", false),
    /** a value has the right type but is not acceptable: blank, a bad date, an unknown action */
    INVALID_VALUE("invalid_value", false),
    /** a report or correction arrived before the connection was identified; the connection is closed */
    NOT_IDENTIFIED("not_identified", true),
    /** the token is unknown, forged, or for another match; the connection is closed */
    BAD_TOKEN("bad_token", true),
    /** the token has expired; ask the lookup server for a new one; the connection is closed */
    TOKEN_EXPIRED("token_expired", true),
    /** the peer sends faster than the host allows; the message was dropped */
    RATE_LIMITED("rate_limited", false),
    /** the event a correction names does not exist */
    UNKNOWN_EVENT("unknown_event", false),
    /** the peer fell too far behind; reconnect with your last sequence number; the connection is closed */
    RESYNC("resync", true),
    /** the host failed; nothing the peer sent was accepted by this message */
    INTERNAL("internal", false),
    /**
     * the match's timeline holds as many accepted messages or journal bytes as its host allows; the host takes
     * no more reports or corrections, and peers still receive the timeline
     */
    MATCH_FULL("match_full", false),
    /**
     * the vote did not accept the report the {@code ref} names: its message says why in words (it conflicts with an
     * event the sport allows only one side at a time, or not enough reporters reported it in time). Since 1.3.
     */
    NOT_ACCEPTED("not_accepted", false),
    /** the sender may not do this: only the match's owner changes its line-ups. Since 1.3. */
    FORBIDDEN("forbidden", false);

    private final String code;
    private final boolean closesConnection;

    ProtocolError(String code, boolean closesConnection) {
        this.code = code;
        this.closesConnection = closesConnection;
    }

    /** @return the wire code, the {@code code} field of an {@link ErrorMessage} */
    public String code() {
        return code;
    }

    /** @return whether the host closes the connection after sending this error */
    public boolean closesConnection() {
        return closesConnection;
    }

    /** @return the error with this wire code, or {@code null} */
    public static @Nullable ProtocolError fromCode(String code) {
        for (ProtocolError e : values()) {
            if (e.code.equals(code)) {
                return e;
            }
        }
        return null;
    }
}
