package io.sideline.protocol.tests;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.Correction;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.EventReport;
import io.sideline.protocol.Heartbeat;
import io.sideline.protocol.Hello;
import io.sideline.protocol.Lineup;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.Location;
import io.sideline.protocol.Player;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;

/**
 * Valid messages of every type, as JSON text to break one field at a time and as records to round-trip.
 * Not a test: shared by {@link BadInputTest} and {@link RoundTripTest}.
 */
final class ProtocolSamples {

    static final long SENT = 1623438000000L; // 2021-06-11T19:00:00Z
    static final long HAPPENED = 1623441120000L; // 2021-06-11T19:52:00Z

    static final String EVENT = """
            {"type": "event", "title": "Goal", "origin": "Italy", "time": 1623441120000}""";

    static final String REPORT = """
            {"type": "event", "time": 1623438000000, "token": "tok-1", "ref": "r-7",
             "event": %s}""".formatted(EVENT);
    static final String SETUP = """
            {"type": "setup", "origins": ["Turkey", "Italy"], "actions": ["Goal", "Foul"]}""";
    static final String HELLO = """
            {"type": "hello", "token": "tok-1", "lastSeq": 5, "client": "sideline-test/1"}""";
    static final String ACCEPTED = """
            {"type": "accepted", "time": 1623438000000, "id": "ev-1", "seq": 1, "version": 1, "status": "accepted",
             "event": %s, "votes": 3, "confidence": 0.75}""".formatted(EVENT);
    static final String RETRACT = """
            {"type": "correction", "time": 1623438000000, "token": "tok-1", "target": "ev-1", "action": "retract",
             "reason": "offside"}""";
    static final String AMEND = """
            {"type": "correction", "time": 1623438000000, "token": "tok-1", "target": "ev-1", "action": "amend",
             "event": %s}""".formatted(EVENT);
    static final String ERROR = """
            {"type": "error", "code": "bad_token", "message": "no such token", "field": "token", "ref": "r-7"}""";
    static final String HEARTBEAT = """
            {"type": "heartbeat", "time": 1623438000000, "seq": 3}""";

    /** Every valid text above, by name: each bad-input case changes exactly one thing in one of them. */
    static final Map<String, String> VALID_TEXTS = Map.of("report", REPORT, "setup", SETUP, "hello", HELLO,
            "accepted", ACCEPTED, "retract", RETRACT, "amend", AMEND, "error", ERROR, "heartbeat", HEARTBEAT);

    private ProtocolSamples() {
    }

    // ---------------------------------------------------------------------------------- JSON editing

    /** @return a mutable JSON tree of a valid text */
    static JsonObject tree(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    /** @return the value as a JSON element: strings, numbers, booleans, or an element as it is */
    static JsonElement element(Object value) {
        return switch (value) {
            case null -> JsonNull.INSTANCE;
            case JsonElement e -> e;
            case String s -> new JsonPrimitive(s);
            case Number n -> new JsonPrimitive(n);
            case Boolean b -> new JsonPrimitive(b);
            default -> throw new IllegalArgumentException("not a JSON value: " + value);
        };
    }

    /** @return a number exactly as written, such as {@code 1e400}, which no Java number holds */
    static JsonElement rawNumber(String literal) {
        return JsonParser.parseString(literal);
    }

    /** @return the text with the field at {@code path} ("event.title", "origins[1]") set to the value */
    static String with(String json, String path, Object value) {
        JsonObject root = tree(json);
        edit(root, path, element(value), false);
        return root.toString();
    }

    /** @return the text without the field at {@code path} */
    static String without(String json, String path) {
        JsonObject root = tree(json);
        edit(root, path, null, true);
        return root.toString();
    }

    private static void edit(JsonObject root, String path, JsonElement value, boolean remove) {
        String[] steps = path.split("\\.");
        JsonElement at = root;
        for (int i = 0; i < steps.length - 1; i++) {
            at = step(at, steps[i]);
        }
        String last = steps[steps.length - 1];
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            JsonArray array = step(at, last.substring(0, bracket)).getAsJsonArray();
            int index = Integer.parseInt(last.substring(bracket + 1, last.length() - 1));
            if (remove) {
                array.remove(index);
            } else {
                array.set(index, value);
            }
        } else if (remove) {
            at.getAsJsonObject().remove(last);
        } else {
            at.getAsJsonObject().add(last, value);
        }
    }

    private static JsonElement step(JsonElement at, String step) {
        int bracket = step.indexOf('[');
        if (bracket < 0) {
            return at.getAsJsonObject().get(step);
        }
        JsonElement array = at.getAsJsonObject().get(step.substring(0, bracket));
        return array.getAsJsonArray().get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
    }

    // ---------------------------------------------------------------------------------- records

    static TimelineEvent seedEvent() {
        return new TimelineEvent("Goal", "Italy", Instant.ofEpochMilli(HAPPENED));
    }

    static TimelineEvent fullEvent() {
        Map<String, String> qualifiers = new LinkedHashMap<>();
        qualifiers.put("outcome", "top left corner");
        qualifiers.put("body part", "left foot");
        qualifiers.put("assist", "Spinazzola");
        return new TimelineEvent("Tor für Italien ⚽", "Italy", Instant.ofEpochMilli(HAPPENED), "Ciro Immobile", 2,
                3_120_000L, qualifiers);
    }

    /**
     * @return the most qualifiers a report may carry: 16, names of 40 characters, 16 × (40 + 88) = 2,048 bytes;
     *         an accepted message may carry longer names (200 characters), as hosts of earlier versions wrote them
     */
    static Map<String, String> edgeQualifiers() {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            q.put(String.format("%040d", i), "v".repeat(88));
        }
        return q;
    }

    /** @return one or more messages of every type, each with and without its optional fields */
    static Map<String, Message> messages() {
        Instant sent = Instant.ofEpochMilli(SENT);
        Map<String, Message> m = new LinkedHashMap<>();
        m.put("report, seed fields only", new EventReport(sent, "6f1c2a9e-3b7d-4e2a-9c41-0d5b7e8f1a23", seedEvent()));
        m.put("report with every optional field", new EventReport(sent, "tok-1", fullEvent(), "ref-42"));
        m.put("report with a player only", new EventReport(sent, "tok-1", seedEvent().withPlayer("Chiesa"), null));
        m.put("report at the edges of its limits", new EventReport(Instant.ofEpochMilli(946_684_800_000L),
                "t".repeat(512), new TimelineEvent("T".repeat(200), "O".repeat(200),
                        Instant.ofEpochMilli(4_102_444_799_999L), "P".repeat(200), 99, 366L * 24 * 3600 * 1000,
                        edgeQualifiers()), "r".repeat(512)));
        m.put("report with period 1 and clock 0", new EventReport(sent, "tok-1",
                new TimelineEvent("Kick-off", "Turkey", sent, null, 1, 0L, Map.of()), null));
        m.put("report with a location (protocol 1.3)", new EventReport(sent, "tok-1",
                seedEvent().withLocation(new Location(88.5, 40)), "ref-7"));
        m.put("report at the pitch's corners", new EventReport(sent, "tok-1", seedEvent().withLocation(new Location(0, 100)),
                null));
        m.put("accepted with location and player share (protocol 1.3)", new Accepted(sent, "ev-2", 2, 1,
                Accepted.Status.ACCEPTED, fullEvent().withLocation(new Location(91.25, 52.5)), 3, 1.0, null, 2.0 / 3));
        m.put("error, not accepted by the vote", new ErrorMessage(ProtocolError.NOT_ACCEPTED.code(),
                "Goal by Italy was not accepted: only 1 reporter reported it within 45 s; this match needs 2", null,
                "ref-8"));
        m.put("setup, seed fields only", new Setup(List.of("Turkey", "Italy"),
                List.of("Goal", "Shot", "Foul", "Yellow card", "Red card", "Corner")));
        m.put("setup with every extension", new Setup(List.of("Turkey", "Italy"), List.of("Goal", "Corner"),
                "match-2021-06-11-tur-ita", "Turkey – Italy, Euro 2020", "football", 17L));
        m.put("setup with empty lists and lastSeq 0", new Setup(List.of(), List.of(), null, null, null, 0L));
        m.put("hello, token only", new Hello("tok-1", null, null));
        m.put("hello reconnecting", new Hello("tok-1", 41L, "Sideline 0.1.0 (linux)"));
        m.put("hello with the largest lastSeq", new Hello("tok-1", Long.MAX_VALUE / 2, null));
        m.put("accepted at the edges of its limits", new Accepted(sent, "ev-1", 1, 1, Accepted.Status.ACCEPTED,
                new TimelineEvent("T".repeat(200), "O".repeat(200), sent, "P".repeat(200), 99, 0L,
                        Map.of("q".repeat(200), "v".repeat(200))), 3, 0.75, "R".repeat(200)));
        m.put("accepted", new Accepted(sent, "ev-1", 1, 1, Accepted.Status.ACCEPTED, seedEvent(), 3, 0.75, null));
        m.put("accepted, amended", new Accepted(sent, "ev-1", 2, 2, Accepted.Status.AMENDED, fullEvent(), 4, 1.0,
                "scorer corrected"));
        m.put("accepted, retracted", new Accepted(sent, "ev-1", 3, 3, Accepted.Status.RETRACTED, seedEvent(), 1, 0.0,
                "goal disallowed: offside"));
        m.put("accepted with an awkward confidence", new Accepted(sent, "ev-9", 9_000_000_000L, Integer.MAX_VALUE,
                Accepted.Status.ACCEPTED, seedEvent(), 0, 0.1 + 0.2, null));
        m.put("correction, retract", new Correction(sent, "tok-1", "ev-1", Correction.Action.RETRACT, null, null, null));
        m.put("correction, retract with reason and ref", new Correction(sent, "tok-1", "ev-1",
                Correction.Action.RETRACT, null, "goal disallowed: offside", "ref-43"));
        m.put("correction, amend", new Correction(sent, "tok-1", "ev-1", Correction.Action.AMEND, fullEvent(),
                "scorer was Insigne", "ref-44"));
        m.put("error, code and message", ErrorMessage.of(ProtocolError.RATE_LIMITED, "slow down"));
        m.put("error with field and ref", new ErrorMessage("too_long", "\"event.title\" is 201 characters long",
                "event.title", "ref-45"));
        m.put("error with a code from a newer host", new ErrorMessage("shiny_new_code", "something new", null, null));
        m.put("heartbeat", new Heartbeat(sent, null));
        m.put("heartbeat with seq", new Heartbeat(sent, 12L));
        m.put("setup with line-ups", new Setup(List.of("Turkey", "Italy"), List.of("Goal", "Substitution"), "euro",
                "Turkey – Italy", "football", 3L, lineups()));
        m.put("lineup of one team", new Lineup(lineups(), Set.of(), "l-1"));
        m.put("lineup clearing a team", Lineup.of("Turkey", List.of(), null));
        return m;
    }

    /** Italy's and Turkey's first players, a substitute and a player without a position among them */
    static Lineups lineups() {
        return new Lineups(Map.of()).with("Turkey", List.of(new Player(23, "Uğurcan Çakır", "Goalkeeper", true),
                new Player(3, "Merih Demiral", "Right Center Back", true), new Player(10, "Hakan Çalhanoğlu", null, false)))
                .with("Italy", List.of(new Player(17, "Ciro Immobile", "Center Forward", true, false),
                        new Player(9, "Andrea Belotti", "Center Forward", false, true)));
    }
}
