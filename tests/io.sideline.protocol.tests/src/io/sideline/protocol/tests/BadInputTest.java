package io.sideline.protocol.tests;

import static io.sideline.protocol.tests.ProtocolSamples.ACCEPTED;
import static io.sideline.protocol.tests.ProtocolSamples.AMEND;
import static io.sideline.protocol.tests.ProtocolSamples.HEARTBEAT;
import static io.sideline.protocol.tests.ProtocolSamples.HELLO;
import static io.sideline.protocol.tests.ProtocolSamples.REPORT;
import static io.sideline.protocol.tests.ProtocolSamples.RETRACT;
import static io.sideline.protocol.tests.ProtocolSamples.SETUP;
import static io.sideline.protocol.tests.ProtocolSamples.rawNumber;
import static io.sideline.protocol.tests.ProtocolSamples.tree;
import static io.sideline.protocol.tests.ProtocolSamples.with;
import static io.sideline.protocol.tests.ProtocolSamples.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.EventReport;
import io.sideline.protocol.Hello;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;

/**
 * Every kind of bad input is refused with a {@link ProtocolException} that carries the right code, names
 * the offending field by its JSON path, and explains itself in words a person understands; and the
 * error that goes back to the peer is itself a valid message.
 */
class BadInputTest {

    private static final ProtocolCodec CODEC = ProtocolCodec.standard();
    private static final int LIMIT = 64 * 1024;

    /**
     * One bad input.
     *
     * @param name     what is wrong, as the test report shows it
     * @param json     the input
     * @param error    the expected code
     * @param field    the expected JSON path, or {@code null} for a whole-message problem
     * @param mentions words the explanation must contain (case-insensitive), besides the field
     */
    record Bad(String name, String json, ProtocolError error, String field, List<String> mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Bad bad(String name, String json, ProtocolError error, String field, String... mentions) {
        return new Bad(name, json, error, field, List.of(mentions));
    }

    static Stream<Bad> malformed() {
        return Stream.of(
                bad("unterminated object", "{\"type\": \"hello\", \"token\": \"tok-1\"", ProtocolError.MALFORMED_JSON,
                        null, "JSON", "line 1"),
                bad("unterminated string", "{\"type\": \"hello\", \"token\": \"tok-1}", ProtocolError.MALFORMED_JSON,
                        null, "JSON", "unterminated"),
                bad("missing colon (the design's literal sample)", "{\"type\" \"hello\", \"token\": \"t\"}",
                        ProtocolError.MALFORMED_JSON, null, "JSON", "':'"),
                bad("single quotes", "{'type': 'hello', 'token': 'tok-1'}", ProtocolError.MALFORMED_JSON, null,
                        "JSON", "double quotes"),
                bad("a comment", "{\"type\": \"hello\", /* who */ \"token\": \"tok-1\"}", ProtocolError.MALFORMED_JSON,
                        null, "JSON", "comments"),
                bad("a line comment", "{\"type\": \"hello\", \"token\": \"tok-1\"} // done", ProtocolError.MALFORMED_JSON,
                        null, "JSON"),
                bad("NaN", "{\"type\": \"heartbeat\", \"time\": NaN}", ProtocolError.MALFORMED_JSON, null, "JSON", "NaN"),
                bad("Infinity", "{\"type\": \"heartbeat\", \"time\": Infinity}", ProtocolError.MALFORMED_JSON, null,
                        "JSON"),
                bad("a leading zero", "{\"type\": \"heartbeat\", \"time\": 01623438000000}", ProtocolError.MALFORMED_JSON,
                        null, "JSON"),
                bad("a trailing comma", "{\"type\": \"hello\", \"token\": \"tok-1\",}", ProtocolError.MALFORMED_JSON,
                        null, "JSON"),
                bad("an unescaped control character in a string", "{\"type\": \"hello\", \"token\": \"to\u0001k\"}",
                        ProtocolError.MALFORMED_JSON, null, "JSON", "control character"),
                bad("a bad escape", "{\"type\": \"hello\", \"token\": \"to\\xk\"}", ProtocolError.MALFORMED_JSON, null,
                        "JSON", "escape"),
                bad("trailing text after the object", HELLO + " and more", ProtocolError.MALFORMED_JSON, null,
                        "more text after the message"),
                bad("a second object after the first", HELLO + HELLO, ProtocolError.MALFORMED_JSON, null,
                        "more text after the message"),
                bad("a stray closing brace", HELLO + "}", ProtocolError.MALFORMED_JSON, null,
                        "more text after the message"),
                bad("empty string", "", ProtocolError.MALFORMED_JSON, null, "empty"),
                bad("whitespace only", " \n\t\r ", ProtocolError.MALFORMED_JSON, null, "empty"),
                bad("null", "null", ProtocolError.WRONG_TYPE, null, "JSON object"),
                bad("a top-level array", "[" + HELLO + "]", ProtocolError.WRONG_TYPE, null, "JSON object"),
                bad("a top-level string", "\"hello\"", ProtocolError.WRONG_TYPE, null, "JSON object"),
                bad("a top-level number", "42", ProtocolError.WRONG_TYPE, null, "JSON object"),
                bad("a top-level true", "true", ProtocolError.WRONG_TYPE, null, "JSON object"));
    }

    static Stream<Bad> types() {
        return Stream.of(
                bad("unknown type \"goal\"", with(HELLO, "type", "goal"), ProtocolError.UNKNOWN_TYPE, "type", "goal",
                        "heartbeat"),
                bad("type in the wrong case", with(HELLO, "type", "Hello"), ProtocolError.UNKNOWN_TYPE, "type", "Hello"),
                bad("type as a number", with(HELLO, "type", 7), ProtocolError.WRONG_TYPE, "type", "string"),
                bad("type as an object", with(HELLO, "type", new JsonObject()), ProtocolError.WRONG_TYPE, "type",
                        "string"),
                bad("no type anywhere", without(HELLO, "type"), ProtocolError.MISSING_FIELD, "type", "missing"),
                bad("type null and no event", with(HELLO, "type", JsonNull.INSTANCE), ProtocolError.MISSING_FIELD,
                        "type", "missing"),
                bad("an empty object", "{}", ProtocolError.MISSING_FIELD, "type", "missing"),
                bad("no top-level type and an inner type other than event",
                        with(without(REPORT, "type"), "event.type", "goal"), ProtocolError.MISSING_FIELD, "type"),
                bad("a report whose event.type is not \"event\"", with(REPORT, "event.type", "goal"),
                        ProtocolError.INVALID_VALUE, "event.type", "\"event\""),
                bad("a report whose event.type is a number", with(REPORT, "event.type", 1), ProtocolError.WRONG_TYPE,
                        "event.type"));
    }

    static Stream<Bad> missing() {
        return Stream.of(
                bad("report without token", without(REPORT, "token"), ProtocolError.MISSING_FIELD, "token", "missing"),
                bad("report with token null", with(REPORT, "token", JsonNull.INSTANCE), ProtocolError.MISSING_FIELD,
                        "token", "missing"),
                bad("report without time", without(REPORT, "time"), ProtocolError.MISSING_FIELD, "time", "missing"),
                bad("report without event", without(REPORT, "event"), ProtocolError.MISSING_FIELD, "event", "missing"),
                bad("report without event.title", without(REPORT, "event.title"), ProtocolError.MISSING_FIELD,
                        "event.title", "missing"),
                bad("report without event.origin", without(REPORT, "event.origin"), ProtocolError.MISSING_FIELD,
                        "event.origin", "missing"),
                bad("report without event.time", without(REPORT, "event.time"), ProtocolError.MISSING_FIELD,
                        "event.time", "missing"),
                bad("setup without actions", without(SETUP, "actions"), ProtocolError.MISSING_FIELD, "actions"),
                bad("hello without token", without(HELLO, "token"), ProtocolError.MISSING_FIELD, "token"),
                bad("accepted without seq", without(ACCEPTED, "seq"), ProtocolError.MISSING_FIELD, "seq"),
                bad("accepted without event.origin", without(ACCEPTED, "event.origin"), ProtocolError.MISSING_FIELD,
                        "event.origin"),
                bad("accepted without confidence", without(ACCEPTED, "confidence"), ProtocolError.MISSING_FIELD,
                        "confidence"),
                bad("amend without event", without(AMEND, "event"), ProtocolError.MISSING_FIELD, "event"),
                bad("correction without target", without(RETRACT, "target"), ProtocolError.MISSING_FIELD, "target"),
                bad("error without message", without(ProtocolSamples.ERROR, "message"), ProtocolError.MISSING_FIELD,
                        "message"),
                bad("heartbeat without time", without(HEARTBEAT, "time"), ProtocolError.MISSING_FIELD, "time"));
    }

    static Stream<Bad> wrongTypes() {
        return Stream.of(
                bad("token as a number", with(REPORT, "token", 42), ProtocolError.WRONG_TYPE, "token", "a string",
                        "a number"),
                bad("token as true", with(HELLO, "token", true), ProtocolError.WRONG_TYPE, "token", "a string"),
                bad("event as a string", with(REPORT, "event", "Goal"), ProtocolError.WRONG_TYPE, "event", "an object",
                        "a string"),
                bad("event as a list", with(REPORT, "event", new JsonArray()), ProtocolError.WRONG_TYPE, "event",
                        "an object", "a list"),
                bad("event.time as a boolean", with(REPORT, "event.time", false), ProtocolError.WRONG_TYPE,
                        "event.time", "epoch milliseconds"),
                bad("event.title as an object", with(REPORT, "event.title", new JsonObject()), ProtocolError.WRONG_TYPE,
                        "event.title", "a string"),
                bad("origins not a list", with(SETUP, "origins", "Turkey, Italy"), ProtocolError.WRONG_TYPE, "origins",
                        "list"),
                bad("an origins item that is a number", with(SETUP, "origins[1]", 2), ProtocolError.WRONG_TYPE,
                        "origins[1]", "a string", "a number"),
                bad("an origins item that is null", with(SETUP, "origins[1]", JsonNull.INSTANCE),
                        ProtocolError.MISSING_FIELD, "origins[1]", "null"),
                bad("an actions item that is a list", with(SETUP, "actions[0]", new JsonArray()),
                        ProtocolError.WRONG_TYPE, "actions[0]"),
                bad("a location off the pitch", with(REPORT, "event.location", tree("{\"x\": 101, \"y\": 40}")),
                        ProtocolError.OUT_OF_RANGE, "event.location.x", "101", "between 0.0 and 100.0"),
                bad("a location without y", with(REPORT, "event.location", tree("{\"x\": 50}")),
                        ProtocolError.MISSING_FIELD, "event.location.y"),
                bad("a location as a list", with(REPORT, "event.location", new JsonArray()), ProtocolError.WRONG_TYPE,
                        "event.location", "an object"),
                bad("a player share above 1", with(ACCEPTED, "playerShare", 1.5), ProtocolError.OUT_OF_RANGE,
                        "playerShare", "1.5"),
                bad("qualifiers as a list", with(REPORT, "event.qualifiers", new JsonArray()), ProtocolError.WRONG_TYPE,
                        "event.qualifiers", "an object"),
                bad("a qualifier value that is a number", with(REPORT, "event.qualifiers", tree("{\"outcome\": 1}")),
                        ProtocolError.WRONG_TYPE, "event.qualifiers.outcome", "a string"),
                bad("lastSeq as a string", with(HELLO, "lastSeq", "5"), ProtocolError.WRONG_TYPE, "lastSeq", "a number"),
                bad("confidence as a string", with(ACCEPTED, "confidence", "high"), ProtocolError.WRONG_TYPE,
                        "confidence", "a number"),
                bad("status as a number", with(ACCEPTED, "status", 1), ProtocolError.WRONG_TYPE, "status"));
    }

    static Stream<Bad> limits() {
        JsonArray tooManyOrigins = new JsonArray();
        for (int i = 0; i < 257; i++) {
            tooManyOrigins.add("team " + i);
        }
        return Stream.of(
                bad("title of 201 characters", with(REPORT, "event.title", "G".repeat(201)), ProtocolError.TOO_LONG,
                        "event.title", "201", "200"),
                bad("token of 513 characters", with(REPORT, "token", "t".repeat(513)), ProtocolError.TOO_LONG, "token",
                        "513", "512"),
                bad("client of 201 characters", with(HELLO, "client", "c".repeat(201)), ProtocolError.TOO_LONG,
                        "client", "200"),
                bad("an origin of 201 characters in setup", with(SETUP, "origins[0]", "o".repeat(201)),
                        ProtocolError.TOO_LONG, "origins[0]", "200"),
                bad("257 origins", with(SETUP, "origins", tooManyOrigins), ProtocolError.TOO_LONG, "origins", "257",
                        "256"),
                bad("blank title", with(REPORT, "event.title", "   "), ProtocolError.INVALID_VALUE, "event.title",
                        "blank"),
                bad("empty title", with(REPORT, "event.title", ""), ProtocolError.INVALID_VALUE, "event.title", "blank"),
                bad("blank token", with(HELLO, "token", "   "), ProtocolError.INVALID_VALUE, "token", "blank"),
                bad("a control character in origin", with(REPORT, "event.origin", "Ita\u0007ly"),
                        ProtocolError.INVALID_VALUE, "event.origin", "control character"),
                bad("a newline in a player name", with(REPORT, "event.player", "Ciro\nImmobile"),
                        ProtocolError.INVALID_VALUE, "event.player", "control character"),
                bad("a control character in a qualifier name",
                        with(REPORT, "event.qualifiers", tree("{\"out\\u0000come\": \"wide\"}")),
                        ProtocolError.INVALID_VALUE, "event.qualifiers", "control character"),
                bad("a qualifier name of 201 characters",
                        with(REPORT, "event.qualifiers", tree("{\"" + "k".repeat(201) + "\": \"wide\"}")),
                        ProtocolError.TOO_LONG, "event.qualifiers", "201", "200"),
                bad("a blank qualifier name", with(REPORT, "event.qualifiers", tree("{\" \": \"wide\"}")),
                        ProtocolError.INVALID_VALUE, "event.qualifiers", "blank"),
                bad("a blank qualifier value", with(REPORT, "event.qualifiers", tree("{\"outcome\": \"\"}")),
                        ProtocolError.INVALID_VALUE, "event.qualifiers.outcome", "blank"),
                bad("an ISO-8601 timestamp of 65 characters",
                        with(REPORT, "time", "2021-06-11T19:00:00.000000000" + " ".repeat(30) + "Z+0000"),
                        ProtocolError.TOO_LONG, "time"),
                // issue 13: Foul reports with 250 qualifiers of 200 characters (57 KB each) filled a host's heap
                bad("a report of 250 qualifiers of 200 characters", with(REPORT, "event.qualifiers", qualifiers(250, 200)),
                        ProtocolError.TOO_LONG, "event.qualifiers", "250", "16"),
                bad("a report of 17 qualifiers", with(REPORT, "event.qualifiers", qualifiers(17, 5)),
                        ProtocolError.TOO_LONG, "event.qualifiers", "17", "16"),
                bad("a report's qualifier name of 41 characters",
                        with(REPORT, "event.qualifiers", tree("{\"" + "k".repeat(41) + "\": \"wide\"}")),
                        ProtocolError.TOO_LONG, "event.qualifiers", "41", "40"),
                // 11 × (3 + 200) = 2,233 bytes
                bad("a report's qualifiers of 2,233 bytes", with(REPORT, "event.qualifiers", qualifiers(11, 200)),
                        ProtocolError.TOO_LONG, "event.qualifiers", "2233", "2048"),
                // 8 × (3 + 100 × 3) = 2,424 bytes of UTF-8 in 824 characters: bytes count, not characters
                bad("a report's qualifiers of 2,424 bytes in 824 characters",
                        with(REPORT, "event.qualifiers", qualifiers(8, 100, "€")), ProtocolError.TOO_LONG,
                        "event.qualifiers", "2424", "2048"),
                bad("an amendment of 17 qualifiers", with(AMEND, "event.qualifiers", qualifiers(17, 5)),
                        ProtocolError.TOO_LONG, "event.qualifiers", "17", "16"));
    }

    /** @return {@code n} qualifiers "q00", "q01"… whose values are {@code length} times "v" */
    private static JsonObject qualifiers(int n, int length) {
        return qualifiers(n, length, "v");
    }

    private static JsonObject qualifiers(int n, int length, String character) {
        JsonObject q = new JsonObject();
        for (int i = 0; i < n; i++) {
            q.addProperty(String.format("q%02d", i), character.repeat(length));
        }
        return q;
    }

    @Test
    void aReportAtTheQualifierLimitsIsRead() throws Exception {
        // 16 × (40 + 88) = 2,048 bytes: every limit met exactly
        JsonObject q = new JsonObject();
        for (int i = 0; i < 16; i++) {
            q.addProperty(String.format("%040d", i), "v".repeat(88));
        }
        EventReport r = assertInstanceOf(EventReport.class, CODEC.decode(with(REPORT, "event.qualifiers", q)));
        assertEquals(16, r.event().qualifiers().size());
    }

    @Test
    void anAcceptedMessageWithMoreQualifiersThanAReportMayCarryIsStillRead() throws Exception {
        // hosts of earlier versions accepted up to 256 qualifiers and journaled them: their journals stay readable
        Accepted a = assertInstanceOf(Accepted.class, CODEC.decode(with(ACCEPTED, "event.qualifiers", qualifiers(100, 200))));
        assertEquals(100, a.event().qualifiers().size());
    }

    static Stream<Bad> numbers() {
        return Stream.of(
                bad("event time in seconds instead of milliseconds", with(REPORT, "event.time", 1623441120L),
                        ProtocolError.OUT_OF_RANGE, "event.time", "seconds", "milliseconds"),
                bad("a negative time", with(REPORT, "time", -1), ProtocolError.OUT_OF_RANGE, "time", "-1", "2000-01-01"),
                bad("a time of 0", with(HEARTBEAT, "time", 0), ProtocolError.OUT_OF_RANGE, "time"),
                bad("a time just before 2000", with(HEARTBEAT, "time", 946_684_799_999L), ProtocolError.OUT_OF_RANGE,
                        "time"),
                bad("a time of 2100-01-01", with(HEARTBEAT, "time", 4_102_444_800_000L), ProtocolError.OUT_OF_RANGE,
                        "time", "2100-01-01"),
                bad("a time in microseconds", with(HEARTBEAT, "time", 1_623_438_000_000_000L),
                        ProtocolError.OUT_OF_RANGE, "time"),
                bad("a fractional time", with(REPORT, "time", rawNumber("1623438000000.5")), ProtocolError.WRONG_TYPE,
                        "time", "whole", "1623438000000.5"),
                bad("a time of 2^63 milliseconds", with(HEARTBEAT, "time", rawNumber("9223372036854775808")),
                        ProtocolError.OUT_OF_RANGE, "time"),
                bad("a time of 1e400", with(REPORT, "event.time", rawNumber("1e400")), ProtocolError.OUT_OF_RANGE,
                        "event.time"),
                bad("lastSeq -1 in hello", with(HELLO, "lastSeq", -1), ProtocolError.OUT_OF_RANGE, "lastSeq", "-1", "0"),
                bad("lastSeq 2.5 in hello", with(HELLO, "lastSeq", rawNumber("2.5")), ProtocolError.WRONG_TYPE,
                        "lastSeq", "whole", "2.5"),
                bad("lastSeq 1e400 in hello", with(HELLO, "lastSeq", rawNumber("1e400")), ProtocolError.OUT_OF_RANGE,
                        "lastSeq"),
                bad("lastSeq 1e-400 in hello", with(HELLO, "lastSeq", rawNumber("1e-400")), ProtocolError.WRONG_TYPE,
                        "lastSeq", "whole"),
                bad("lastSeq 1e99999 in setup, beyond what the JSON reader holds",
                        with(SETUP, "lastSeq", rawNumber("1e99999")), ProtocolError.OUT_OF_RANGE, "lastSeq"),
                bad("lastSeq of 1,000 nines in hello", with(HELLO, "lastSeq", rawNumber("9".repeat(1_000))),
                        ProtocolError.OUT_OF_RANGE, "lastSeq"),
                bad("confidence 1.5 in accepted", with(ACCEPTED, "confidence", 1.5), ProtocolError.OUT_OF_RANGE,
                        "confidence", "1.5"),
                bad("confidence -0.1 in accepted", with(ACCEPTED, "confidence", -0.1), ProtocolError.OUT_OF_RANGE,
                        "confidence"),
                bad("confidence 1e400 in accepted", with(ACCEPTED, "confidence", rawNumber("1e400")),
                        ProtocolError.OUT_OF_RANGE, "confidence"),
                bad("period 0", with(REPORT, "event.period", 0), ProtocolError.OUT_OF_RANGE, "event.period", "1", "99"),
                bad("period 100", with(REPORT, "event.period", 100), ProtocolError.OUT_OF_RANGE, "event.period"),
                bad("period 1e400", with(REPORT, "event.period", rawNumber("1e400")), ProtocolError.OUT_OF_RANGE,
                        "event.period"),
                bad("a negative clock", with(REPORT, "event.clock", -1), ProtocolError.OUT_OF_RANGE, "event.clock"),
                bad("seq 0 in accepted", with(ACCEPTED, "seq", 0), ProtocolError.OUT_OF_RANGE, "seq"),
                bad("version 2^31 in accepted", with(ACCEPTED, "version", 2_147_483_648L), ProtocolError.OUT_OF_RANGE,
                        "version"),
                bad("votes -1 in accepted", with(ACCEPTED, "votes", -1), ProtocolError.OUT_OF_RANGE, "votes"),
                bad("a negative heartbeat seq", with(HEARTBEAT, "seq", -3), ProtocolError.OUT_OF_RANGE, "seq"));
    }

    static Stream<Bad> values() {
        return Stream.of(
                bad("ISO-8601 timestamp without a zone", with(REPORT, "time", "2021-06-11T19:00:00"),
                        ProtocolError.INVALID_VALUE, "time", "time zone"),
                bad("ISO-8601 event time without a zone", with(REPORT, "event.time", "2021-06-11T21:52:00.250"),
                        ProtocolError.INVALID_VALUE, "event.time", "time zone"),
                bad("a garbage timestamp string", with(REPORT, "time", "yesterday at nine"), ProtocolError.INVALID_VALUE,
                        "time", "ISO-8601", "yesterday at nine"),
                bad("a date without a time", with(HEARTBEAT, "time", "2021-06-11"), ProtocolError.INVALID_VALUE, "time",
                        "ISO-8601"),
                bad("an impossible date", with(HEARTBEAT, "time", "2021-02-30T19:00:00Z"), ProtocolError.INVALID_VALUE,
                        "time"),
                bad("an ISO-8601 timestamp before 2000", with(HEARTBEAT, "time", "1999-12-31T23:59:59Z"),
                        ProtocolError.OUT_OF_RANGE, "time", "2000-01-01"),
                bad("an ISO-8601 timestamp in year 999999999",
                        with(HEARTBEAT, "time", "+999999999-12-31T23:59:59Z"), ProtocolError.OUT_OF_RANGE, "time"),
                bad("a timestamp string holding a control character", with(HEARTBEAT, "time", "2021\u0000"),
                        ProtocolError.INVALID_VALUE, "time"),
                bad("an unknown accepted status", with(ACCEPTED, "status", "pending"), ProtocolError.INVALID_VALUE,
                        "status", "pending", "accepted, amended or retracted"),
                bad("an unknown correction action", with(RETRACT, "action", "delete"), ProtocolError.INVALID_VALUE,
                        "action", "delete", "retract or amend"),
                bad("a retraction that carries an event", with(RETRACT, "event", tree(ProtocolSamples.EVENT)),
                        ProtocolError.INVALID_VALUE, "event", "retraction"),
                bad("an amendment whose event lacks a title", without(AMEND, "event.title"), ProtocolError.MISSING_FIELD,
                        "event.title"));
    }

    static Stream<Bad> sizes() {
        String ascii = with(HELLO, "padding", "x".repeat(LIMIT));
        String twoByte = with(HELLO, "padding", "é".repeat(33_000));
        String threeByte = with(HELLO, "padding", "€".repeat(22_000));
        assertTrue(twoByte.length() < LIMIT && bytes(twoByte) > LIMIT, "under 64 Ki characters, over 64 KiB");
        assertTrue(threeByte.length() < LIMIT && bytes(threeByte) > LIMIT, "under 64 Ki characters, over 64 KiB");
        String deepOpen = with(HELLO, "padding", "placeholder").replace("\"placeholder\"", "[".repeat(20_000));
        String deepClosed = with(HELLO, "padding", "placeholder").replace("\"placeholder\"",
                "[".repeat(20_000) + "]".repeat(20_000));
        String deepObjects = with(HELLO, "padding", "placeholder").replace("\"placeholder\"",
                "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        String deepInToken = with(HELLO, "token", "placeholder").replace("\"placeholder\"",
                "[".repeat(20_000) + "]".repeat(20_000));
        for (String deep : List.of(deepOpen, deepClosed, deepObjects, deepInToken)) {
            assertTrue(bytes(deep) < LIMIT, "kept under the size limit so that the depth is what is tested");
        }
        return Stream.of(
                bad("a message over 64 KiB of ASCII", ascii, ProtocolError.MESSAGE_TOO_LARGE, null, "65536"),
                bad("under 64 Ki characters but over 64 KiB of UTF-8 (33,000 é)", twoByte,
                        ProtocolError.MESSAGE_TOO_LARGE, null, "65536"),
                bad("under 64 Ki characters but over 64 KiB of UTF-8 (22,000 €)", threeByte,
                        ProtocolError.MESSAGE_TOO_LARGE, null, "65536"),
                bad("20,000 unclosed '[' in a field", deepOpen, ProtocolError.MALFORMED_JSON, null, "JSON"),
                bad("20,000 nested lists in an unknown field", deepClosed, ProtocolError.MALFORMED_JSON, null, "deep"),
                bad("10,000 nested objects in an unknown field", deepObjects, ProtocolError.MALFORMED_JSON, null,
                        "deep"),
                bad("20,000 nested lists as the token", deepInToken, ProtocolError.MALFORMED_JSON, null, "deep"));
    }

    static Stream<Bad> all() {
        return Stream.of(malformed(), types(), missing(), wrongTypes(), limits(), numbers(), values(), sizes())
                .flatMap(s -> s);
    }

    // ------------------------------------------------------------------------------------------ tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void isRefusedWithTheRightCodeAndField(Bad bad) {
        ProtocolException e = refuse(bad.json());

        assertEquals(bad.error(), e.error(), () -> "code for: " + bad + "; message: " + e.getMessage());
        assertEquals(bad.field(), e.field(), () -> "field for: " + bad + "; message: " + e.getMessage());
        assertUnderstandable(e, bad.mentions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void isRefusedTheSameWayAsUtf8Bytes(Bad bad) {
        ProtocolException fromText = refuse(bad.json());
        ProtocolException fromBytes = refuse(bad.json().getBytes(StandardCharsets.UTF_8));

        assertEquals(fromText.error(), fromBytes.error());
        assertEquals(fromText.field(), fromBytes.field());
        assertUnderstandable(fromBytes, bad.mentions());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void theErrorSentBackIsAValidMessage(Bad bad) throws ProtocolException {
        ProtocolException e = refuse(bad.json());

        for (String ref : new String[] { "ref-1", null }) {
            ErrorMessage error = e.toErrorMessage(ref);
            assertEquals(e.error().code(), error.code(), "the wire code");
            assertSame(e.error(), error.error());
            assertEquals(e.getMessage(), error.message(), "the explanation travels unchanged");
            assertEquals(e.field(), error.field());
            assertEquals(ref, error.ref());
            assertEquals(error, CODEC.decode(CODEC.encode(error)), "the error survives encode/decode");
            assertEquals(error, CODEC.decode(CODEC.encodeUtf8(error)), "the error survives encodeUtf8/decode");
        }
    }

    @Test
    void theValidTextsTheCasesStartFromAreAccepted() {
        for (Map.Entry<String, String> valid : ProtocolSamples.VALID_TEXTS.entrySet()) {
            Message m = decodeOrFail(valid.getValue());
            assertEquals(tree(valid.getValue()).get("type").getAsString(), m.type(), valid.getKey());
        }
    }

    @Test
    void nullIsRefusedAsEmpty() {
        ProtocolException fromText = refuse((String) null);
        ProtocolException fromBytes = refuse((byte[]) null);

        assertEquals(ProtocolError.MALFORMED_JSON, fromText.error());
        assertEquals(ProtocolError.MALFORMED_JSON, fromBytes.error());
        assertNull(fromBytes.field());
        assertUnderstandable(fromBytes, List.of("empty"));
    }

    @Test
    void theSizeLimitIsExactlyTheDocumented64KiBOfUtf8() {
        String base = with(HELLO, "padding", "");
        String exact = with(HELLO, "padding", "é".repeat((LIMIT - bytes(base)) / 2)
                + "x".repeat((LIMIT - bytes(base)) % 2));
        assertEquals(LIMIT, bytes(exact));

        assertInstanceOf(Hello.class, decodeOrFail(exact));
        assertInstanceOf(Hello.class, decodeOrFail(exact.getBytes(StandardCharsets.UTF_8)));

        String oneMore = exact.replace("\"padding\":\"", "\"padding\":\"x");
        assertEquals(LIMIT + 1, bytes(oneMore));
        assertEquals(ProtocolError.MESSAGE_TOO_LARGE, refuse(oneMore).error());
        assertEquals(ProtocolError.MESSAGE_TOO_LARGE, refuse(oneMore.getBytes(StandardCharsets.UTF_8)).error());
    }

    @Test
    void surrogatePairsCountAsFourBytes() {
        String base = with(HELLO, "padding", "");
        int room = LIMIT - bytes(base);
        String fits = with(HELLO, "padding", "⚽".repeat(room / 3) + "x".repeat(room % 3));
        assertEquals(LIMIT, bytes(fits));
        assertInstanceOf(Hello.class, decodeOrFail(fits));

        String emoji = with(HELLO, "padding", "\uD83C\uDFC6".repeat(room / 4 + 1)); // 🏆, 4 bytes, 2 chars
        assertTrue(emoji.length() < LIMIT && bytes(emoji) > LIMIT);
        assertEquals(ProtocolError.MESSAGE_TOO_LARGE, refuse(emoji).error());
    }

    @Test
    void aTitleOfExactly200CharactersIsAccepted() {
        decodeOrFail(with(REPORT, "event.title", "G".repeat(200)));
        decodeOrFail(with(REPORT, "token", "t".repeat(512)));
    }

    @Test
    void anErrorWithAnOverlongOrControlFilledExplanationIsStillSendable() throws ProtocolException {
        ProtocolException e = new ProtocolException(ProtocolError.INTERNAL, "event.\u0007title",
                "line one\nline two\u0000 " + "long ".repeat(400) + "\uD83C\uDFC6");

        ErrorMessage error = e.toErrorMessage("ref-1");

        assertEquals("internal", error.code());
        assertTrue(error.message().length() <= 512, "at most the token limit: " + error.message().length());
        assertTrue(error.message().startsWith("line one line two"), error.message());
        assertEquals(error, CODEC.decode(CODEC.encode(error)));
        assertEquals(error, CODEC.decode(CODEC.encodeUtf8(error)));
    }

    @ParameterizedTest
    @EnumSource(ProtocolError.class)
    void everyErrorHasADistinctWireCodeThatMapsBack(ProtocolError error) {
        assertSame(error, ProtocolError.fromCode(error.code()));
        assertTrue(error.code().matches("[a-z_]+"), error.code());
        Set<String> codes = new HashSet<>();
        for (ProtocolError each : ProtocolError.values()) {
            assertTrue(codes.add(each.code()), "duplicate code " + each.code());
        }
    }

    @Test
    void aRefusedReportsRefIsNotNeededToBuildTheError() {
        // a client that breaks its own ref still gets an answer it can parse
        ProtocolException e = refuse(with(REPORT, "ref", 12));
        assertEquals(ProtocolError.WRONG_TYPE, e.error());
        assertEquals("ref", e.field());
        assertNull(e.toErrorMessage(null).ref());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** @return the ProtocolException decode throws; fails if it accepts the input or throws anything else */
    static ProtocolException refuse(String json) {
        try {
            Message m = CODEC.decode(json);
            fail("accepted " + show(json) + " as " + m);
            return null;
        } catch (ProtocolException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("decode threw " + t + " instead of a ProtocolException for " + show(json), t);
        }
    }

    static ProtocolException refuse(byte[] utf8) {
        try {
            Message m = CODEC.decode(utf8);
            fail("accepted bytes of " + (utf8 == null ? null : show(new String(utf8, StandardCharsets.UTF_8)))
                    + " as " + m);
            return null;
        } catch (ProtocolException e) {
            return e;
        } catch (Throwable t) {
            throw new AssertionError("decode threw " + t + " instead of a ProtocolException", t);
        }
    }

    private static Message decodeOrFail(String json) {
        try {
            return CODEC.decode(json);
        } catch (ProtocolException e) {
            throw new AssertionError("refused " + show(json) + ": " + e.error() + " " + e.field() + " " + e.getMessage(), e);
        }
    }

    private static Message decodeOrFail(byte[] utf8) {
        try {
            return CODEC.decode(utf8);
        } catch (ProtocolException e) {
            throw new AssertionError("refused bytes: " + e.error() + " " + e.field() + " " + e.getMessage(), e);
        }
    }

    private static String show(String json) {
        return json == null ? "null" : json.length() <= 300 ? json : json.substring(0, 300) + "… (" + json.length()
                + " chars)";
    }

    /**
     * The explanation names the field, mentions what the case expects, is short enough for the peer's
     * limits, and speaks about the message rather than about the library that read it.
     */
    static void assertUnderstandable(ProtocolException e, List<String> mentions) {
        String m = e.getMessage();
        assertNotNull(m, "a message");
        assertFalse(m.isBlank(), "a message");
        if (e.field() != null) {
            assertTrue(m.contains("\"" + e.field() + "\""), () -> "names the field \"" + e.field() + "\": " + m);
        }
        for (String word : mentions) {
            assertTrue(m.toLowerCase().contains(word.toLowerCase()), () -> "mentions \"" + word + "\": " + m);
        }
        assertTrue(m.length() <= 512, () -> "short enough to send back (" + m.length() + " chars): " + m);
        for (String jargon : List.of("JsonReader", "Strictness", "LENIENT", "http", "Exception", "com.google")) {
            assertFalse(m.contains(jargon), () -> "no \"" + jargon + "\" in a peer's explanation: " + m);
        }
        assertTrue(m.chars().noneMatch(Character::isISOControl), () -> "no control characters: " + m);
        if (e.error() == ProtocolError.MESSAGE_TOO_LARGE || e.error() == ProtocolError.MALFORMED_JSON) {
            assertNull(e.field(), "a whole-message problem names no field");
        }
        assertEquals(e.error(), ProtocolError.fromCode(e.error().code()));
        assertNotNull(new JsonPrimitive(m).getAsString());
    }
}
