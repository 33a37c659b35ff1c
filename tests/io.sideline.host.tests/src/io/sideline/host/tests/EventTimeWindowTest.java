package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.Correction;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.TimelineEvent;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * Issue 13: a yellow card at 2000-01-01 and a red card at 2099-12-31 were accepted. A host takes events that
 * happened from 6 hours before the match's start to 10 minutes after its own now, by its own clock, and refuses
 * the rest with {@code out_of_range} and the window in words. The lookup fixture's matches start at
 * 2021-06-11T19:00:00Z, so the window opens at 13:00.
 */
class EventTimeWindowTest {

    private static final Instant START = Instant.parse("2021-06-11T19:00:00Z");

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

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    @Test
    void aYellowCardIn2000AndARedCardIn2099AreRefusedWithTheWindowAndNothingIsAccepted() throws Exception {
        f = HostFixture.start(lookup, journal, b -> { });
        Peer ana = Peer.join(f, "ana");

        ana.send(Wire.report(f.token("ana"), "Yellow card", "Turkey", Instant.parse("2000-01-01T00:00:00Z").toEpochMilli()));
        ErrorMessage early = ana.next(ErrorMessage.class);
        ana.send(Wire.report(f.token("ana"), "Red card", "Italy", Instant.parse("2099-12-31T00:00:00Z").toEpochMilli()));
        ErrorMessage late = ana.next(ErrorMessage.class);

        for (ErrorMessage e : new ErrorMessage[] { early, late }) {
            assertEquals("out_of_range", e.code(), e.toString());
            assertEquals("event.time", e.field(), e.toString());
            assertTrue(e.message().contains("2021-06-11T13:00:00Z") && e.message().contains("6 hours before its start")
                    && e.message().contains("10 minutes after the host's now"), "the error says the window: " + e.message());
        }
        assertTrue(early.message().contains("2000-01-01"), early.message());
        assertTrue(late.message().contains("2099-12-31"), late.message());
        assertEquals(0, Peer.settle(f, ana), "neither card is on the timeline");
        assertTrue(ana.received(Accepted.class).isEmpty(), ana.texts().toString());

        Peer.report(f, ana, "ana", "Yellow card", "Turkey", at(3));
        assertEquals(1, ana.next(Accepted.class).seq(), "a card within the window is accepted, on the same connection");
        assertFalse(ana.closed.isDone());
    }

    @Test
    void theWindowOpensSixHoursBeforeTheMatchsStartAndClosesTenMinutesAfterTheHostsNow() throws Exception {
        f = HostFixture.start(lookup, journal, b -> { });
        Peer ana = Peer.join(f, "ana");

        ana.send(Wire.report(f.token("ana"), "Corner", "Turkey", START.minus(Duration.ofHours(6)).minusSeconds(1).toEpochMilli()));
        assertEquals("out_of_range", ana.next(ErrorMessage.class).code(), "a second before the window opens");
        ana.send(Wire.report(f.token("ana"), "Corner", "Turkey", Instant.now().plus(Duration.ofMinutes(11)).toEpochMilli()));
        assertEquals("out_of_range", ana.next(ErrorMessage.class).code(), "11 minutes after the host's now");

        ana.send(Wire.report(f.token("ana"), "Corner", "Turkey", START.minus(Duration.ofHours(6)).toEpochMilli()));
        assertEquals(1, ana.next(Accepted.class).seq(), "as the window opens");
        ana.send(Wire.report(f.token("ana"), "Corner", "Italy", Instant.now().plus(Duration.ofMinutes(9)).toEpochMilli()));
        assertEquals(2, ana.next(Accepted.class).seq(), "9 minutes after the host's now: a peer's clock runs ahead");
        assertEquals(2, ana.received(ErrorMessage.class).size(), ana.texts().toString());
    }

    @Test
    void anAmendmentToAnImpossibleTimeIsRefusedAndTheEventStaysAsItWas() throws Exception {
        f = HostFixture.start(lookup, journal, b -> { });
        Peer ana = Peer.join(f, "ana");
        Peer.report(f, ana, "ana", "Goal", "Italy", at(20));
        Accepted goal = ana.next(Accepted.class);

        ana.send(new Correction(Instant.now(), f.token("ana"), goal.id(), Correction.Action.AMEND,
                new TimelineEvent("Goal", "Italy", Instant.parse("2099-12-31T00:00:00Z")), "typo", "amend-1"));
        ErrorMessage e = ana.next(ErrorMessage.class);
        assertEquals("out_of_range", e.code(), e.toString());
        assertEquals("event.time", e.field());
        assertEquals("amend-1", e.ref(), "the error names the correction it answers");
        assertEquals(1, Peer.settle(f, ana), "the goal has one version still");
    }

    @Test
    void theWindowFollowsTheHostsClockWhichAReplaySets() throws Exception {
        // a replay's host runs on the replay's clock: here 2021-06-11T19:30 while the match is reported
        Instant hostNow = Instant.parse("2021-06-11T19:30:00Z");
        Clock replay = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), hostNow));
        f = HostFixture.start(lookup, journal, b -> b.clock(replay));
        Peer ana = Peer.join(f, "ana");

        ana.send(Wire.report(f.token("ana"), "Goal", "Italy", hostNow.plus(Duration.ofMinutes(20)).toEpochMilli()));
        ErrorMessage e = ana.next(ErrorMessage.class);
        assertEquals("out_of_range", e.code(), "20 minutes after the replay's now, though long before the real now: " + e);
        assertTrue(e.message().contains("2021-06-11T19:"), "the window is the replay's: " + e.message());

        ana.send(Wire.report(f.token("ana"), "Goal", "Italy", hostNow.minus(Duration.ofMinutes(5)).toEpochMilli()));
        assertEquals(1, ana.next(Accepted.class).seq(), "5 minutes before the replay's now");
    }
}
