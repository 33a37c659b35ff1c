package io.sideline.lookup.server.internal.store;

import java.time.Duration;
import java.time.Instant;

import io.sideline.lookup.MatchState;

/**
 * How a match's state follows from its times, as of one instant: finished once its host said so;
 * scheduled before its start; after it, live while the host's last heartbeat is within the host timeout,
 * host lost when it is older.
 *
 * @param now         the instant the states are for
 * @param hostTimeout how long a host may be silent before its match is shown as host lost
 */
public record MatchStates(Instant now, Duration hostTimeout) {

    /** @return the heartbeat time before which a host counts as lost */
    public Instant lostBefore() {
        return now.minus(hostTimeout);
    }

    /** @return the state of a match with these times */
    public MatchState of(Instant scheduledStart, Instant lastHeartbeat, Instant finishedAt) {
        if (finishedAt != null) {
            return MatchState.FINISHED;
        }
        if (scheduledStart.isAfter(now)) {
            return MatchState.SCHEDULED;
        }
        return lastHeartbeat.isBefore(lostBefore()) ? MatchState.HOST_LOST : MatchState.LIVE;
    }
}
