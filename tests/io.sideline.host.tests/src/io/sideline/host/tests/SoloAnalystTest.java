package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.sideline.host.HostConfig;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Location;
import io.sideline.protocol.ProtocolError;
import io.sideline.sport.football.Football;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * A lone analyst (quorum 1) codes a match on a host that votes by football's rules: every report is accepted the
 * moment it arrives, whatever the other team did just before, unless football says only one team can do it at a
 * moment (a goal); then the analyst is told at once, in words, why.
 */
class SoloAnalystTest {

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path journal;
    HostFixture f;

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, "ana");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private void start() throws Exception {
        f = HostFixture.start(lookup, journal,
                b -> b.rules(HostConfig.votingRules(new Football(), new QuorumPolicy(1, 0))));
    }

    private void report(Peer p, String title, String origin, long time, String ref, Location at) throws Exception {
        JsonObject o = JsonParser.parseString(Wire.report(f.token("ana"), title, origin, time)).getAsJsonObject();
        o.addProperty("ref", ref);
        if (at != null) {
            JsonObject l = new JsonObject();
            l.addProperty("x", at.x());
            l.addProperty("y", at.y());
            o.getAsJsonObject("event").add("location", l);
        }
        p.send(o.toString());
    }

    @Test
    void aBurstOfFifteenKeysByOneAnalystIsFifteenEvents() throws Exception {
        start();
        Peer ana = Peer.join(f, "ana");
        // S X ⇧S ⇧X F F ⇧C K I ⇧I V ⇧V ⇧F C C, a second apart
        String[][] burst = { { "Shot on target", "Turkey" }, { "Shot off target", "Turkey" },
                { "Shot on target", "Italy" }, { "Shot off target", "Italy" }, { "Foul", "Turkey" }, { "Foul", "Turkey" },
                { "Corner", "Italy" }, { "Free kick", "Turkey" }, { "Offside", "Turkey" }, { "Offside", "Italy" },
                { "Save", "Turkey" }, { "Save", "Italy" }, { "Foul", "Italy" }, { "Corner", "Turkey" },
                { "Corner", "Turkey" } };
        for (int i = 0; i < burst.length; i++) {
            report(ana, burst[i][0], burst[i][1], at(1) + i * 1000L, "r-" + i, null);
        }
        Await.until("all 15 reports are accepted", () -> ana.received(Accepted.class).size() >= 15);
        assertEquals(List.of(), ana.received(ErrorMessage.class), "nothing refused");
        List<String> accepted = new ArrayList<>();
        for (Accepted a : ana.received(Accepted.class)) {
            accepted.add(a.event().title() + " " + a.event().origin());
        }
        List<String> reported = new ArrayList<>();
        for (String[] r : burst) {
            reported.add(r[0] + " " + r[1]);
        }
        assertEquals(reported, accepted, "every report, in order, each accepted by its own arrival");
    }

    @Test
    void aGoalForTheOtherTeamSecondsAfterAGoalIsRefusedAtOnceSayingWhy() throws Exception {
        start();
        Peer ana = Peer.join(f, "ana");
        report(ana, "Goal", "Turkey", at(1), "r-1", null);
        ana.next(Accepted.class);

        report(ana, "Goal", "Italy", at(1) + 3_000, "r-2", null);

        ErrorMessage refusal = ana.next(ErrorMessage.class);
        assertEquals(ProtocolError.NOT_ACCEPTED.code(), refusal.code());
        assertEquals("r-2", refusal.ref(), "it names the report the analyst sent");
        assertEquals("Goal by Italy was not accepted: Goal by Turkey was already accepted 3 s from this one, and only "
                + "one side can have a Goal within 1 min: if the side was wrong, correct that event", refusal.message());
        assertEquals(1, ana.received(Accepted.class).size());
    }

    @Test
    void aReportedLocationTravelsWithTheAcceptedEvent() throws Exception {
        start();
        Peer ana = Peer.join(f, "ana");
        report(ana, "Shot on target", "Italy", at(2), "r-1", new Location(88.5, 40));
        report(ana, "Corner", "Italy", at(3), "r-2", null);

        Accepted shot = ana.next(Accepted.class, a -> a.event().title().equals("Shot on target"));
        assertEquals(new Location(88.5, 40), shot.event().location());
        Accepted corner = ana.next(Accepted.class, a -> a.event().title().equals("Corner"));
        assertNull(corner.event().location());
        Await.until("the journal holds both", () -> f.host().lastSeq() == 2);
        f.restart();
        Peer again = Peer.join(f, "ana");
        assertEquals(new Location(88.5, 40), again.next(Accepted.class, a -> a.seq() == 1).event().location(),
                "a restarted host replays the location from its journal");
    }
}
