package io.sideline.peer.tests;

import java.time.Instant;
import java.util.Map;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.TimelineEvent;

/**
 * Accepted messages and events made by hand, and the moments of a test. Times are whole milliseconds, as on
 * the wire.
 */
final class Messages {

    /** 2021-06-11T19:00:00Z, kick-off of Turkey v Italy */
    static final Instant KICKOFF = Instant.parse("2021-06-11T19:00:00Z");

    private Messages() {
    }

    /** @return the time of the i-th distinct moment of a test: two minutes apart, so no two are one event */
    static Instant at(int i) {
        return KICKOFF.plusSeconds(120L * i);
    }

    static TimelineEvent event(String title, String origin, Instant time) {
        return new TimelineEvent(title, origin, time);
    }

    /** @return an accepted message at {@code minute:second} after kick-off */
    static Accepted accepted(long seq, String id, int version, Accepted.Status status, String title, String origin,
            int minute, int second, String player, int votes, double confidence) {
        Instant time = KICKOFF.plusSeconds(minute * 60L + second);
        TimelineEvent e = new TimelineEvent(title, origin, time, player, minute < 46 ? 1 : 2, null,
                player == null ? Map.of() : Map.of("situation", "open play"));
        return new Accepted(time.plusSeconds(9), id, seq, version, status, e, votes, confidence,
                status == Accepted.Status.ACCEPTED ? null : "corrected by vote");
    }

    static Accepted first(long seq, String id, String title, String origin, int minute, int votes) {
        return accepted(seq, id, 1, Accepted.Status.ACCEPTED, title, origin, minute, 0, null, votes, votes / 4.0);
    }

    /** @return the same version as {@code a}, confirmed with more votes, at another seq */
    static Accepted confirmation(Accepted a, long seq, int votes) {
        return new Accepted(a.time(), a.id(), seq, a.version(), a.status(), a.event(), votes, Math.min(1, votes / 4.0),
                a.reason());
    }

    /** @return the next version of {@code a} at another seq */
    static Accepted next(Accepted a, long seq, Accepted.Status status, TimelineEvent event) {
        return new Accepted(a.time().plusSeconds(60), a.id(), seq, a.version() + 1, status, event, 2, 0.5,
                "corrected by vote");
    }
}
