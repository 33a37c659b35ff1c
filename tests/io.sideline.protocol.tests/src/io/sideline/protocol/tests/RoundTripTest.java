package io.sideline.protocol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.Correction;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolException;

/**
 * Every message survives being written and read back, as text and as UTF-8 bytes; fields a newer peer
 * adds are ignored; and no input, however mangled, makes decode throw anything but a ProtocolException.
 */
class RoundTripTest {

    private static final ProtocolCodec CODEC = ProtocolCodec.standard();

    static Stream<Named<Message>> messages() {
        return ProtocolSamples.messages().entrySet().stream().map(e -> Named.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void equalsItselfAfterEncodeAndDecode(Message m) throws ProtocolException {
        String json = CODEC.encode(m);

        assertEquals(m, CODEC.decode(json), json);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void equalsItselfAfterEncodeUtf8AndDecode(Message m) throws ProtocolException {
        byte[] utf8 = CODEC.encodeUtf8(m);

        assertEquals(m, CODEC.decode(utf8));
        assertEquals(CODEC.encode(m), new String(utf8, StandardCharsets.UTF_8), "the bytes are the text's UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void isWrittenAsOneLineWithItsTypeAndTheSameTextEachTime(Message m) throws ProtocolException {
        String json = CODEC.encode(m);

        assertTrue(!json.contains("\n") && !json.contains("\r"), "one line: " + json);
        JsonObject tree = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(m.type(), tree.get("type").getAsString());
        assertEquals(json, CODEC.encode(CODEC.decode(json)), "stable: writing what was read gives the same text");
        assertEquals(tree, CODEC.toJson(m), "toJson is what encode writes");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void ignoresFieldsItDoesNotKnow(Message m) throws ProtocolException {
        JsonObject tree = CODEC.toJson(m);
        JsonObject future = JsonParser.parseString("""
                {"nested": {"list": [1, 2.5, -3e10, {"deeper": [null, true, "text"]}], "empty": {}},
                 "emoji": "\uD83C\uDFC6", "n": null}""").getAsJsonObject();
        tree.add("futureObject", future);
        tree.addProperty("futureNumber", 1e300);
        tree.addProperty("futureString", "anything at all");
        tree.add("futureList", new JsonArray());
        tree.add("zzz", null);
        JsonElement event = tree.get("event");
        if (event != null) {
            event.getAsJsonObject().add("futureInner", future.deepCopy());
            event.getAsJsonObject().addProperty("confidenceOfReporter", 0.9);
        }

        assertEquals(m, CODEC.decode(tree.toString()), tree.toString());
        assertEquals(m, CODEC.decode(tree.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void optionalFieldsWrittenAsNullReadAsAbsent() throws ProtocolException {
        for (Map.Entry<String, Message> entry : ProtocolSamples.messages().entrySet()) {
            JsonObject tree = CODEC.toJson(entry.getValue());
            for (String optional : List.of("ref", "reason", "client", "matchId", "name", "sport", "lastSeq", "field",
                    "seq")) {
                if (!tree.has(optional) && !(entry.getValue() instanceof Accepted && optional.equals("seq"))) {
                    tree.add(optional, JsonNull.INSTANCE);
                }
            }
            assertEquals(entry.getValue(), CODEC.decode(tree.toString()), entry.getKey() + ": " + tree);
        }
    }

    @Test
    void everyMessageTypeIsRoundTripped() {
        Set<String> covered = new TreeSet<>();
        Set<Accepted.Status> statuses = EnumSet.noneOf(Accepted.Status.class);
        Set<Correction.Action> actions = EnumSet.noneOf(Correction.Action.class);
        for (Message m : ProtocolSamples.messages().values()) {
            covered.add(m.type());
            if (m instanceof Accepted a) {
                statuses.add(a.status());
            }
            if (m instanceof Correction c) {
                actions.add(c.action());
            }
        }
        assertEquals(new TreeSet<>(ProtocolCodec.TYPES), covered);
        assertEquals(EnumSet.allOf(Accepted.Status.class), statuses, "every Accepted status");
        assertEquals(EnumSet.allOf(Correction.Action.class), actions, "every Correction action");
    }

    // ---------------------------------------------------------------------------------- robustness

    private static final long SEED = 20210611L;
    private static final int ITERATIONS = 3_000;

    /** Characters and snippets that make JSON interesting to break. */
    private static final String[] PIECES = { "{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "\\u00", "0", "9", "-", ".",
            "e", "E", "+", " ", "\n", "\u0000", "\u0001", "\u007f", "é", "\uD83C", "\uDFC6", "\uD83C\uDFC6", "\uFEFF",
            "null", "true", "false", "NaN", "1e400", "-0", "0.5", "9223372036854775808", "\"\"", "[]", "{}", "//",
            "/*", "'", "\"event\"", "\"type\"", "\"time\"", "\"2021-06-11T19:00:00Z\"", "\"2021-06-11T19:00:00\"",
            "1623438000", "1623438000000" };

    @Test
    void mangledMessagesAreDecodedOrRefusedButNeverThrowAnythingElse() {
        List<String> valid = new ArrayList<>();
        for (Message m : ProtocolSamples.messages().values()) {
            valid.add(CODEC.encode(m));
        }
        valid.addAll(ProtocolSamples.VALID_TEXTS.values());

        Random random = new Random(SEED);
        int accepted = 0;
        int refused = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            String input = valid.get(random.nextInt(valid.size()));
            int mutations = 1 + random.nextInt(3);
            for (int k = 0; k < mutations; k++) {
                input = mutate(input, random);
            }
            if (decodeNeverThrowsAnythingElse(i, input)) {
                accepted++;
            } else {
                refused++;
            }
            decodeNeverThrowsAnythingElse(i, input.getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(refused > ITERATIONS / 4, "the mutations break messages: " + refused + " refused");
        assertTrue(accepted > 0, "some mutations (in unknown fields, texts or numbers) keep messages valid");
    }

    private static String mutate(String s, Random random) {
        if (s.isEmpty()) {
            return PIECES[random.nextInt(PIECES.length)];
        }
        int at = random.nextInt(s.length());
        return switch (random.nextInt(6)) {
            case 0 -> s.substring(0, at); // truncate
            case 1 -> { // delete a run
                int end = Math.min(s.length(), at + 1 + random.nextInt(8));
                yield s.substring(0, at) + s.substring(end);
            }
            case 2 -> { // duplicate a run
                int end = Math.min(s.length(), at + 1 + random.nextInt(40));
                yield s.substring(0, end) + s.substring(at, end) + s.substring(end);
            }
            case 3 -> s.substring(0, at) + PIECES[random.nextInt(PIECES.length)] + s.substring(at + 1); // replace
            case 4 -> s.substring(0, at) + PIECES[random.nextInt(PIECES.length)] + s.substring(at); // insert
            default -> s.substring(0, at) + (char) random.nextInt(0x3000) + s.substring(at + 1); // any character
        };
    }

    /** @return whether the input was accepted; fails the test for anything but a message or a ProtocolException */
    private static boolean decodeNeverThrowsAnythingElse(int iteration, String input) {
        try {
            Message m = CODEC.decode(input);
            assertEquals(m, CODEC.decode(CODEC.encode(m)), () -> "an accepted message round-trips: " + escape(input));
            return true;
        } catch (ProtocolException e) {
            if (e.getMessage() == null || e.getMessage().isBlank() || e.error() == null) {
                fail("iteration " + iteration + ": a refusal without a reason for " + escape(input));
            }
            return false;
        } catch (Throwable t) {
            throw new AssertionError("iteration " + iteration + ": decode threw " + t + " for input " + escape(input), t);
        }
    }

    private static void decodeNeverThrowsAnythingElse(int iteration, byte[] utf8) {
        try {
            CODEC.decode(utf8);
        } catch (ProtocolException e) {
            // refused: fine
        } catch (Throwable t) {
            throw new AssertionError("iteration " + iteration + ": decode(byte[]) threw " + t + " for input "
                    + escape(new String(utf8, StandardCharsets.UTF_8)), t);
        }
    }

    /** @return the input as a Java string literal, so that a failure can be pasted into a test */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
