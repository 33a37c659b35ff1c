package io.sideline.protocol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.sideline.protocol.EventReport;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;

/**
 * The original design's two messages, exactly as it writes them, keep working: a client of that design
 * talks to Sideline unchanged.
 */
class SeedMessagesTest {

    private final ProtocolCodec codec = ProtocolCodec.standard();

    static String resource(String name) throws IOException {
        try (InputStream in = SeedMessagesTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("test resource missing: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDesignsReportSampleWithTheTypeInsideTheEvent() throws Exception {
        Message m = codec.decode(resource("seed-report.json"));

        EventReport report = assertInstanceOf(EventReport.class, m);
        assertEquals(Instant.ofEpochMilli(1623438000000L), report.time());
        assertEquals("6f1c2a9e-3b7d-4e2a-9c41-0d5b7e8f1a23", report.token());
        assertEquals(new TimelineEvent("Goal", "Italy", Instant.ofEpochMilli(1623441120000L)), report.event());
        assertNull(report.ref());
    }

    @Test
    void readsTheDesignsReportWithTheTypeAtTheTopLevel() throws Exception {
        String json = """
                {"type": "event", "time": 1623438000000, "token": "tok-1",
                 "event": {"title": "Foul", "origin": "Turkey", "time": 1623438000000}}""";

        EventReport report = assertInstanceOf(EventReport.class, codec.decode(json));
        assertEquals("Foul", report.event().title());
        assertEquals("Turkey", report.event().origin());
    }

    @Test
    void acceptsBothShapesAtOnce() throws Exception {
        String json = """
                {"type": "event", "time": 1623438000000, "token": "tok-1",
                 "event": {"type": "event", "title": "Corner", "origin": "Italy", "time": 1623438000000}}""";

        assertEquals("Corner", ((EventReport) codec.decode(json)).event().title());
    }

    @Test
    void theDesignsLiteralSampleLacksAColonAndIsRefusedAsMalformedJson() throws Exception {
        String literal = resource("seed-report.json").replace("\"event\": {", "\"event\" {");

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(literal));
        assertEquals(ProtocolError.MALFORMED_JSON, e.error());
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        assertTrue(!e.getMessage().contains("https://"), "no links to library docs in a peer's error: " + e.getMessage());
    }

    @Test
    void readsTheDesignsSetupSample() throws Exception {
        Setup setup = assertInstanceOf(Setup.class, codec.decode(resource("seed-setup.json")));

        assertEquals(List.of("Turkey", "Italy"), setup.origins());
        assertEquals(List.of("Goal", "Shot", "Foul", "Yellow card", "Red card", "Corner"), setup.actions());
        assertNull(setup.matchId());
        assertNull(setup.lastSeq());
    }

    @Test
    void writesTheDesignsSetupExactly() throws Exception {
        String sample = resource("seed-setup.json");
        Setup setup = (Setup) codec.decode(sample);

        JsonObject written = JsonParser.parseString(codec.encode(setup)).getAsJsonObject();
        assertEquals(JsonParser.parseString(sample), written, "a seed setup is written with the seed's fields and nothing else");
    }

    @Test
    void writesReportsInAShapeBothKindsOfSeedReaderUnderstand() throws Exception {
        EventReport report = new EventReport(Instant.ofEpochMilli(1623438000000L), "tok-1",
                new TimelineEvent("Goal", "Italy", Instant.ofEpochMilli(1623441120000L)));

        JsonObject written = JsonParser.parseString(codec.encode(report)).getAsJsonObject();
        assertEquals("event", written.get("type").getAsString(), "top-level type, as the design's field list says");
        assertEquals("event", written.getAsJsonObject("event").get("type").getAsString(), "inner type, as the design's sample shows");
        assertEquals(1623438000000L, written.get("time").getAsLong());
        assertEquals("tok-1", written.get("token").getAsString());
        JsonObject event = written.getAsJsonObject("event");
        assertEquals("Goal", event.get("title").getAsString());
        assertEquals("Italy", event.get("origin").getAsString());
        assertEquals(1623441120000L, event.get("time").getAsLong());
        assertEquals(4, event.size(), "a seed event gains no extra fields: " + event);
    }

    @Test
    void readsIso8601Timestamps() throws Exception {
        String json = """
                {"time": "2021-06-11T19:00:00Z", "token": "t",
                 "event": {"type": "event", "title": "Goal", "origin": "Italy", "time": "2021-06-11T21:52:00.250+02:00"}}""";

        EventReport report = (EventReport) codec.decode(json);
        assertEquals(Instant.parse("2021-06-11T19:00:00Z"), report.time());
        assertEquals(Instant.parse("2021-06-11T19:52:00.250Z"), report.event().time());
    }
}
