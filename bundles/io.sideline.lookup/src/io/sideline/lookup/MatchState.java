package io.sideline.lookup;

import org.jspecify.annotations.Nullable;

/** Where a match stands, as the lookup server sees it. */
public enum MatchState {
    /** before its scheduled start */
    SCHEDULED("scheduled"),
    /** started, and its host sends heartbeats */
    LIVE("live"),
    /** its host said it is over */
    FINISHED("finished"),
    /** started, but its host has been silent longer than the server's host timeout */
    HOST_LOST("host_lost");

    private final String wire;

    MatchState(String wire) {
        this.wire = wire;
    }

    /** @return the JSON and query-string value */
    public String wire() {
        return wire;
    }

    /** @return the state with this value, or {@code null} */
    public static @Nullable MatchState fromWire(String value) {
        for (MatchState s : values()) {
            if (s.wire.equals(value)) {
                return s;
            }
        }
        return null;
    }
}
