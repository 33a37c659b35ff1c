package io.sideline.protocol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.protocol.EventReport;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.TimelineEvent;

/**
 * A message means exactly one thing: what another JSON parser could read differently is refused, and what
 * we write is the same every time.
 */
class StrictnessTest {

    private final ProtocolCodec codec = ProtocolCodec.standard();

    @Test
    void aNameThatAppearsTwiceIsRefusedNotSilentlyOverwritten() {
        String json = """
                {"type": "event", "time": 1623438000000, "token": "mine", "token": "forged",
                 "event": {"title": "Goal", "origin": "Italy", "time": 1623438000000}}""";

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(json));
        assertEquals(ProtocolError.INVALID_VALUE, e.error());
        assertEquals("token", e.field());
        assertTrue(e.getMessage().contains("\"token\" appears twice"), e.getMessage());
    }

    @Test
    void aNestedDuplicateNamesItsPath() {
        String json = """
                {"type": "event", "time": 1623438000000, "token": "t",
                 "event": {"title": "Goal", "origin": "Italy", "origin": "Turkey", "time": 1623438000000}}""";

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(json));
        assertEquals("event.origin", e.field());
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] prefix = "{\"type\":\"hello\",\"token\":\"ab".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        bytes[prefix.length] = (byte) 0xC3; // a lead byte followed by one that cannot continue it
        bytes[prefix.length + 1] = (byte) 0x28;
        System.arraycopy(suffix, 0, bytes, prefix.length + 2, suffix.length);

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(bytes));
        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().contains("not valid UTF-8 (at byte " + (prefix.length + 1) + ")"), e.getMessage());
    }

    @Test
    void qualifiersKeepTheirOrderSoAMessageIsWrittenTheSameWayEveryTime() throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("outcome", "Goal");
        q.put("body part", "Right Foot");
        q.put("technique", "Normal");
        q.put("assist", "Lorenzo Insigne");
        EventReport report = new EventReport(Instant.ofEpochMilli(1623438000000L), "t",
                new TimelineEvent("Shot", "Italy", Instant.ofEpochMilli(1623441933000L), "Ciro Immobile", 2, 3933000L, q));

        String json = codec.encode(report);

        assertTrue(json.contains("\"qualifiers\":{\"outcome\":\"Goal\",\"body part\":\"Right Foot\","
                + "\"technique\":\"Normal\",\"assist\":\"Lorenzo Insigne\"}"), json);
        assertEquals(json, codec.encode(codec.decode(json)), "decoding and encoding again changes nothing");
    }
}
