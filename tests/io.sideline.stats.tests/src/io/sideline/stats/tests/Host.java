package io.sideline.stats.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.TimelineEvent;

/**
 * Writes the messages a host broadcasts, versioned as the host versions them: every message takes the next
 * sequence number; a first acceptance is version 1; a confirmation repeats the version with more votes; an
 * amendment or a retraction is the next version of the same id.
 */
final class Host {

    static final Instant KICK_OFF = Instant.parse("2021-06-11T19:00:00Z");

    private long seq;
    private int nextId = 1;

    /** @return the instant {@code minutes:seconds} after the kick-off */
    static Instant at(int minutes, int seconds) {
        return KICK_OFF.plus(Duration.ofMinutes(minutes)).plusSeconds(seconds);
    }

    /** @return the match time {@code minutes:seconds} */
    static Duration mt(int minutes, int seconds) {
        return Duration.ofMinutes(minutes).plusSeconds(seconds);
    }

    static TimelineEvent event(String title, String origin, Instant time) {
        return new TimelineEvent(title, origin, time);
    }

    static TimelineEvent event(String title, String origin, Instant time, String player, Integer period) {
        return new TimelineEvent(title, origin, time, player, period, null, Map.of());
    }

    /** a newly accepted event, version 1, with two votes */
    Accepted accept(TimelineEvent event) {
        return new Accepted(event.time().plusSeconds(5), "e" + nextId++, ++seq, 1, Accepted.Status.ACCEPTED, event,
                2, 0.6, null);
    }

    Accepted accept(String title, String origin, Instant time) {
        return accept(event(title, origin, time));
    }

    /** the same version of the same event, one vote more */
    Accepted confirm(Accepted a) {
        return new Accepted(a.time().plusSeconds(1), a.id(), ++seq, a.version(), a.status(), a.event(),
                a.votes() + 1, Math.min(1, a.confidence() + 0.1), a.reason());
    }

    /** the next version, amended to another event */
    Accepted amend(Accepted a, TimelineEvent corrected) {
        return new Accepted(a.time().plusSeconds(30), a.id(), ++seq, a.version() + 1, Accepted.Status.AMENDED,
                corrected, 5, 0.8, "corrected");
    }

    /** the next version, a tombstone naming what it withdraws */
    Accepted retract(Accepted a) {
        return new Accepted(a.time().plusSeconds(30), a.id(), ++seq, a.version() + 1, Accepted.Status.RETRACTED,
                a.event(), 5, 0.8, "withdrawn");
    }
}
