package io.sideline.host.tests;

import java.time.Instant;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Messages as a peer writes them on the wire, by hand, and the event times the host tests report. */
final class Wire {

    /** 2021-06-11T19:52:00Z, when the seed's sample goal happened */
    static final long T0 = 1_623_441_120_000L;

    private Wire() {
    }

    static String hello(String token, long lastSeq) {
        JsonObject o = new JsonObject();
        o.addProperty("type", "hello");
        o.addProperty("token", token);
        if (lastSeq > 0) {
            o.addProperty("lastSeq", lastSeq);
        }
        return o.toString();
    }

    /** @return a report with the type at the top level and inside the event, as the protocol writes it */
    static String report(String token, String title, String origin, long eventMillis) {
        JsonObject o = seed(token, title, origin, eventMillis);
        o.addProperty("type", "event");
        return o.toString();
    }

    /** @return a report exactly as the original design shows it: no top-level type, "type": "event" in event */
    static String seedReport(String token, String title, String origin, long eventMillis) {
        return seed(token, title, origin, eventMillis).toString();
    }

    private static JsonObject seed(String token, String title, String origin, long eventMillis) {
        JsonObject event = new JsonObject();
        event.addProperty("type", "event");
        event.addProperty("title", title);
        event.addProperty("origin", origin);
        event.addProperty("time", eventMillis);
        JsonObject o = new JsonObject();
        o.addProperty("time", Instant.now().toEpochMilli());
        o.addProperty("token", token);
        o.add("event", event);
        return o;
    }

    /** @return the message with one more top-level field */
    static String with(String json, String field, String value) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        o.addProperty(field, value);
        return o.toString();
    }

    /** @return the event time of the i-th event of a test: a minute apart, so no two are one event */
    static long at(int i) {
        return T0 + i * 60_000L;
    }
}
