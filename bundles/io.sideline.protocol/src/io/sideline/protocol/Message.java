package io.sideline.protocol;

/**
 * One protocol message. Every message is a JSON object whose {@code type} names it; the
 * {@link #type()} of each implementation is that wire name.
 */
public sealed interface Message
        permits EventReport, Setup, Hello, Accepted, Correction, ErrorMessage, Heartbeat, Lineup {

    /** @return the wire name of this message, the value of its JSON {@code type} field */
    String type();
}
