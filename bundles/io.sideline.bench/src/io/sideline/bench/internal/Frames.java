package io.sideline.bench.internal;

import java.time.Instant;
import java.util.Map;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.EventReport;
import io.sideline.protocol.Hello;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.TimelineEvent;

/**
 * The frames the bench sends, made once and filled in with an event's time, which is the event's key: every event
 * of a run has a time of its own, 31 seconds after the last one, so that no two are one event to the vote (whose
 * default window is 15 seconds).
 */
final class Frames {

    /** the first event's time */
    static final long BASE = Instant.parse("2001-01-01T00:00:00Z").toEpochMilli();
    /** between two events' times */
    static final long SPACING = 31_000;
    private static final long PLACEHOLDER = Instant.parse("2095-05-05T05:05:05.555Z").toEpochMilli();
    private static final String EVENT = "\"event\":{";
    private static final String TIME = "\"time\":";

    private Frames() {
    }

    /** @return a report template of this token: {@link #fill} puts an event's time in */
    static String reportTemplate(String token) {
        Instant t = Instant.ofEpochMilli(PLACEHOLDER);
        return ProtocolCodec.standard().encode(new EventReport(t, token, new TimelineEvent("Foul", "Home", t), null));
    }

    /**
     * @return an accepted message as a host broadcasts it, for the bare Jetty baseline to broadcast: the same size and
     *         shape as Sideline's frames
     */
    static String acceptedTemplate() {
        Instant t = Instant.ofEpochMilli(PLACEHOLDER);
        return ProtocolCodec.standard().encode(new Accepted(t, "e12345", 12345, 1, Accepted.Status.ACCEPTED,
                new TimelineEvent("Foul", "Home", t, null, null, null, Map.of()), 2, 1.0, null));
    }

    /**
     * @return a hello of a peer that holds the timeline already (its lastSeq is beyond the newest, which the host
     *         reads as the newest): the bench measures live events, not newcomers catching up on earlier steps
     */
    static String hello(String token) {
        return ProtocolCodec.standard().encode(new Hello(token, Long.MAX_VALUE / 4, "sideline-bench"));
    }

    static String fill(String template, long eventTime) {
        return template.replace(Long.toString(PLACEHOLDER), Long.toString(eventTime));
    }

    /** @return the event time of an accepted frame (the key), or 0 for any other frame */
    static long eventTime(String frame) {
        if (!frame.startsWith("{\"type\":\"accepted\"")) {
            return 0;
        }
        int e = frame.indexOf(EVENT);
        if (e < 0) {
            return 0;
        }
        int t = frame.indexOf(TIME, e);
        if (t < 0) {
            return 0;
        }
        long v = 0;
        for (int i = t + TIME.length(); i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
