package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.Decision;
import io.sideline.voting.VotingRules;

/** Retractions and amendments are voted and make a new version of the same id, never a silent rewrite. */
class CorrectionTest {

    private static final List<String> TEN = Match.reporters("fan", 10);
    private static final List<String> FIVE = TEN.subList(0, 5);

    private Match m;
    private AcceptedEvent goal;

    /** 10 active reporters, quorum k = 2 and half the weight; all ten reported Italy's goal at 300 s. */
    private void italyScores() {
        m = new Match(VotingRules.of(2, 0.5));
        m.kickOff(TEN);
        m.at(305).reportAll(TEN, "Goal", "Italy", 300);
        goal = m.standing("Goal").get(0);
        m.at(360);
    }

    @Test
    void aRetractionVotedByEnoughReportersMakesATombstoneVersionOfTheSameId() {
        italyScores();
        List<Decision> decisions = new ArrayList<>();
        for (String fan : FIVE) {
            decisions.addAll(m.retract(fan, goal.id(), "goal disallowed: offside"));
        }

        assertEquals(1, decisions.size(), "one decision, when the fifth of ten votes arrives");
        Decision.Accept accept = (Decision.Accept) decisions.get(0);
        assertEquals(Decision.Kind.RETRACTED, accept.kind());
        AcceptedEvent tombstone = accept.event();
        assertEquals(goal.id(), tombstone.id());
        assertEquals(2, tombstone.version());
        assertEquals(AcceptedEvent.Status.RETRACTED, tombstone.status());
        assertFalse(tombstone.standing());
        assertEquals("goal disallowed: offside", tombstone.reason());
        assertEquals("Goal", tombstone.title(), "the tombstone names what was withdrawn");
        assertEquals("Italy", tombstone.origin());
        assertEquals(Match.t(360), tombstone.acceptedAt());
        assertEquals(tombstone, m.engine.event(goal.id()).orElseThrow());
        assertTrue(m.engine.timeline().contains(tombstone), "the tombstone stays in the timeline");
        assertEquals(List.of(), m.standing("Goal"));
    }

    @Test
    void anAmendmentOfTheOriginMakesAnAmendedVersionWithTheNewOrigin() {
        italyScores();
        List<Decision> decisions = new ArrayList<>();
        for (String fan : FIVE) {
            decisions.addAll(m.amend(fan, goal.id(), "Goal", "Turkey", 300, "wrong team"));
        }

        assertEquals(1, decisions.size());
        Decision.Accept accept = (Decision.Accept) decisions.get(0);
        assertEquals(Decision.Kind.AMENDED, accept.kind());
        AcceptedEvent amended = accept.event();
        assertEquals(goal.id(), amended.id());
        assertEquals(2, amended.version());
        assertEquals(AcceptedEvent.Status.AMENDED, amended.status());
        assertTrue(amended.standing());
        assertEquals("Turkey", amended.origin());
        assertEquals("Goal", amended.title());
        assertEquals(Match.t(300), amended.eventTime());
        assertEquals("wrong team", amended.reason());
        assertEquals(5, amended.votes(), "the votes of the correction");
        assertEquals(List.of(amended), m.standing("Goal"), "replaced, not added");
    }

    @Test
    void anAmendmentOfTheTimeTakesTheMedianOfTheVotedTimes() {
        italyScores();
        double[] times = {312, 313, 311, 320, 312};
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < FIVE.size(); i++) {
            decisions.addAll(m.amend(FIVE.get(i), goal.id(), "Goal", "Italy", times[i], "wrong time"));
        }

        AcceptedEvent amended = Match.accepted(decisions, Decision.Kind.AMENDED).get(0);
        assertEquals(Match.t(312), amended.eventTime());
        assertEquals("Italy", amended.origin());
        assertEquals(2, amended.version());
    }

    @Test
    void tooFewCorrectionVotesChangeNothing() {
        italyScores();
        for (String fan : TEN.subList(0, 4)) {
            assertEquals(List.of(), m.retract(fan, goal.id(), "offside"));
        }
        assertEquals(goal, m.engine.event(goal.id()).orElseThrow(), "4 of 10: version 1 stands unchanged");

        assertEquals(List.of(), m.tickUntil(420), "an unfinished correction expires without a decision");
        assertEquals(List.of(), m.retract(TEN.get(4), goal.id(), "offside"),
                "after the timeout a fifth vote starts again from one");
        assertEquals(1, m.engine.event(goal.id()).orElseThrow().version());
    }

    @Test
    void correctionsAskingForDifferentThingsDoNotAddUp() {
        italyScores();
        List<Decision> decisions = new ArrayList<>();
        for (String fan : TEN.subList(0, 3)) {
            decisions.addAll(m.retract(fan, goal.id(), "offside"));
        }
        for (String fan : TEN.subList(3, 6)) {
            decisions.addAll(m.amend(fan, goal.id(), "Goal", "Turkey", 300, "wrong team"));
        }

        assertEquals(List.of(), decisions, "3 want it withdrawn, 3 want it amended: neither has 5");
        assertEquals(goal, m.engine.event(goal.id()).orElseThrow());
    }

    @Test
    void eachVotedCorrectionMakesTheNextVersion() {
        italyScores();
        FIVE.forEach(fan -> m.amend(fan, goal.id(), "Goal", "Turkey", 300, "wrong team"));
        m.at(420);
        List<Decision> decisions = new ArrayList<>();
        for (String fan : TEN.subList(4, 10)) { // the ones who backed the wrong team weigh less now
            decisions.addAll(m.retract(fan, goal.id(), "disallowed after review"));
        }

        AcceptedEvent v3 = Match.accepted(decisions, Decision.Kind.RETRACTED).get(0);
        assertEquals(goal.id(), v3.id());
        assertEquals(3, v3.version());
        assertEquals("Turkey", v3.origin(), "it withdraws the amended event");
    }

    @Test
    void correctingAnUnknownIdIsRefusedWithAClearMessage() {
        italyScores();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.retract(TEN.get(0), "e99", "offside"));

        assertTrue(e.getMessage().contains("e99") && e.getMessage().contains("no accepted event"), e.getMessage());
    }

    @Test
    void aTombstoneIsNotRevivedByLateReports() {
        italyScores();
        FIVE.forEach(fan -> m.retract(fan, goal.id(), "offside"));
        AcceptedEvent tombstone = m.engine.event(goal.id()).orElseThrow();

        m.at(400);
        List<Decision> late = m.report("lateFan", "Goal", "Italy", 300);

        assertEquals(List.of(), late);
        assertEquals(tombstone, m.engine.event(goal.id()).orElseThrow(), "still version 2, retracted");
        assertEquals(List.of(List.of("lateFan")), m.engine.pending().stream().map(p -> p.reporters()).toList(),
                "the late report starts a new candidate instead");
        assertEquals(List.of(), m.retract(TEN.get(9), goal.id(), "again"), "a tombstone takes no more versions");
        assertEquals(2, m.engine.event(goal.id()).orElseThrow().version());
    }

    @Test
    void lateReportsOfTheAmendedEventConfirmItAndItsVotesDoNotFall() {
        italyScores();
        FIVE.forEach(fan -> m.amend(fan, goal.id(), "Goal", "Turkey", 300, "wrong team"));
        AcceptedEvent amended = m.engine.event(goal.id()).orElseThrow();
        assertEquals(5, amended.votes());

        m.at(400).report("lateFan", "Goal", "Turkey", 301);

        assertEquals(1, m.standing("Goal").size());
        AcceptedEvent now = m.standing("Goal").get(0);
        assertEquals(goal.id(), now.id());
        assertEquals(6, now.votes(), "five correction votes and one late report");
        assertEquals(List.of(), m.engine.pending());

        m.report(FIVE.get(0), "Goal", "Turkey", 300);
        assertEquals(6, m.standing("Goal").get(0).votes(), "who voted the amendment counts once");
    }

    @Test
    void lateReportsOfTheOldTeamDoNotBringBackTheWrongGoal() {
        m = new Match(VotingRules.of(2, 0).withExclusive(java.util.Set.of("Goal"))).at(305);
        m.reportAll(List.of("anna", "bruno", "carla"), "Goal", "Italy", 300);
        goal = m.standing("Goal").get(0);
        m.at(330);
        m.amend("anna", goal.id(), "Goal", "Turkey", 300, "wrong team");
        m.amend("bruno", goal.id(), "Goal", "Turkey", 300, "wrong team");
        assertEquals("Turkey", m.engine.event(goal.id()).orElseThrow().origin());

        m.at(400).reportAll(List.of("dario", "elena"), "Goal", "Italy", 301); // they missed the correction

        assertEquals(List.of("Turkey"), m.standing("Goal").stream().map(AcceptedEvent::origin).toList());
        assertEquals(List.of(List.of("dario", "elena")),
                m.engine.rejected().stream().map(Decision.Reject::reporters).toList());
    }

    @Test
    void anEventWhoseTimeWasAmendedIsFoundAtItsNewTimeNotItsOld() {
        italyScores();
        FIVE.forEach(fan -> m.amend(fan, goal.id(), "Goal", "Italy", 600, "the clock was wrong"));
        assertEquals(Match.t(600), m.engine.event(goal.id()).orElseThrow().eventTime());

        m.at(620).report("lateFan", "Goal", "Italy", 601);
        assertEquals(List.of(), m.engine.pending(), "a late report at the new time confirms the event");
        assertEquals(6, m.standing("Goal").get(0).votes());

        m.report("otherFan", "Goal", "Italy", 300);
        assertEquals(1, m.engine.pending().size(), "a report at the old time is a new candidate, not a confirmation");
        assertEquals(1, m.standing("Goal").size());
    }

    @Test
    void aRetractedEventDrawsNoLateReportsAndBlocksNoOtherTeam() {
        italyScores();
        FIVE.forEach(fan -> m.retract(fan, goal.id(), "disallowed"));
        m.at(400).reportAll(TEN, "Goal", "Turkey", 301);
        assertEquals(List.of("Turkey"), m.standing("Goal").stream().map(AcceptedEvent::origin).toList(),
                "the tombstone does not conflict with a goal by the other team at the same moment");
    }
}
