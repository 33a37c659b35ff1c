package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static io.sideline.testing.HostFixture.TEAMS;
import static io.sideline.testing.HostFixture.TITLES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Setup;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.voting.VotingRules;
import io.sideline.testing.LookupFixture;

/**
 * A client of the original design speaks exactly the design's JSON: its first message is a report (no
 * hello), the type sits inside the event, time and token at the top level. The host must understand it,
 * answer with the design's setup, count its report, and broadcast the design's event object.
 */
class SeedProtocolTest {

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path journal;
    HostFixture f;

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, "ana", "ben");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @BeforeEach
    void host() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.rules(VotingRules.of(2, 0)));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aSeedPeerIsIdentifiedByItsFirstReportGetsTheSeedSetupAndItsReportCounts() throws Exception {
        Peer ben = Peer.connect(f);
        ben.send(Wire.seedReport(f.token("ben"), "Goal", "Italy", at(1)));

        Setup setup = ben.next(Setup.class);
        assertEquals(TEAMS, setup.origins(), "the setup's origins are the match's teams, home first");
        assertEquals(TITLES, setup.actions(), "the setup's actions are the titles that can be reported");
        JsonObject first = JsonParser.parseString(ben.texts().get(0)).getAsJsonObject();
        assertEquals("setup", first.get("type").getAsString(), "the first message a seed peer receives is the setup");
        assertEquals(strings(TEAMS), first.get("origins"), "origins: a plain array of strings");
        assertEquals(strings(TITLES), first.get("actions"), "actions: a plain array of strings");
        Await.until("the host counts ben as a peer", () -> f.host().peerCount() == 1);

        Peer ana = Peer.join(f, "ana");
        Peer.report(f, ana, "ana", "Goal", "Italy", at(1) + 2_000);

        Accepted a = ben.next(Accepted.class);
        assertEquals(2, a.votes(), "ben's identifying report is one of the two votes");
        assertEquals("Goal", a.event().title());
        assertEquals("Italy", a.event().origin());
        assertEquals(a, ana.next(Accepted.class));
        assertTrue(ben.received(ErrorMessage.class).isEmpty(), "a seed peer gets no error: " + ben.texts());
    }

    @Test
    void theReportWithATopLevelTypeIdentifiesAndCountsToo() throws Exception {
        Peer ben = Peer.connect(f);
        JsonObject report = new JsonObject();
        report.addProperty("type", "event");
        report.addProperty("time", Instant.now().toEpochMilli());
        report.addProperty("token", f.token("ben"));
        JsonObject event = new JsonObject();
        event.addProperty("title", "Corner");
        event.addProperty("origin", "Turkey");
        event.addProperty("time", at(2));
        report.add("event", event);
        ben.send(report.toString());

        Setup setup = ben.next(Setup.class);
        assertEquals(TEAMS, setup.origins());
        assertEquals(TITLES, setup.actions());

        Peer ana = Peer.join(f, "ana");
        ana.send(Wire.seedReport(f.token("ana"), "Corner", "Turkey", at(2)));
        Accepted a = ana.next(Accepted.class);
        assertEquals(2, a.votes(), "ben's report with a top-level type counted");
        assertEquals("Corner", a.event().title());
        assertEquals(a, ben.next(Accepted.class));
        assertTrue(ben.received(ErrorMessage.class).isEmpty(), "no error: " + ben.texts());
    }

    @Test
    void theAcceptedMessageCarriesTheSeedsEventObject() throws Exception {
        Peer ben = Peer.connect(f);
        ben.send(Wire.seedReport(f.token("ben"), "Goal", "Italy", at(3)));
        ben.next(Setup.class);
        Peer ana = Peer.connect(f);
        ana.send(Wire.seedReport(f.token("ana"), "Goal", "Italy", at(3) + 4_000));
        ana.next(Setup.class);

        Accepted decoded = ben.next(Accepted.class);
        String text = ben.texts().stream().filter(s -> s.contains("\"accepted\"")).findFirst().orElseThrow();
        JsonObject accepted = JsonParser.parseString(text).getAsJsonObject();
        assertEquals("accepted", accepted.get("type").getAsString());
        assertTrue(accepted.get("time").getAsJsonPrimitive().isNumber(), "top-level time, a timestamp: " + text);
        JsonElement e = accepted.get("event");
        assertTrue(e != null && e.isJsonObject(), "an event object: " + text);
        JsonObject event = e.getAsJsonObject();
        assertEquals("event", event.get("type").getAsString(), "the seed's \"type\": \"event\" inside the event");
        assertEquals("Goal", event.get("title").getAsString());
        assertEquals("Italy", event.get("origin").getAsString());
        assertEquals(at(3) + 2_000, event.get("time").getAsLong(), "the median of the reported times, in milliseconds");
        assertEquals(1, decoded.seq());
        assertEquals(decoded, ana.next(Accepted.class), "both seed peers receive the same event");
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
