package io.sideline.voting;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the engine decided after a report, a correction or a tick. */
public sealed interface Decision {

    /**
     * A new version of an accepted event, to journal and broadcast.
     *
     * @param event the version
     * @param kind  why there is a new version
     */
    record Accept(AcceptedEvent event, Kind kind) implements Decision {
    }

    /** Why an {@link Accept} was issued. */
    enum Kind {
        /** the vote accepted a new event */
        NEW,
        /** more reporters confirmed it: votes and confidence rose (issued as the votes double) */
        CONFIRMED,
        /** a voted correction amended it */
        AMENDED,
        /** a voted correction retracted it */
        RETRACTED
    }

    /**
     * A candidate the vote did not accept: it lost a conflict, or nobody corroborated it in time.
     *
     * @param title      the action
     * @param origin     the origin
     * @param eventTime  the median of its reported times
     * @param reporters  who reported it
     * @param reason     why it was rejected, in words a reporter understands
     * @param decidedAt  when
     * @param refs       each reporter's own id of its report ({@link Report#ref()}), for those that gave one
     */
    record Reject(String title, String origin, Instant eventTime, List<String> reporters, String reason,
            Instant decidedAt, Map<String, String> refs) implements Decision {

        public Reject {
            reporters = List.copyOf(reporters);
            refs = Map.copyOf(refs);
        }

        /** A rejection without refs. */
        public Reject(String title, String origin, Instant eventTime, List<String> reporters, String reason,
                Instant decidedAt) {
            this(title, origin, eventTime, reporters, reason, decidedAt, Map.of());
        }
    }
}
