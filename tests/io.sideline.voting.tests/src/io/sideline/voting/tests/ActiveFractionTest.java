package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.Decision;
import io.sideline.voting.VotingRules;

/** The relative part of the quorum: a share of the weight of the reporters active right now. */
class ActiveFractionTest {

    private static final List<String> TEN = Match.reporters("fan", 10);

    @Test
    void halfOfTenActiveReportersIsFiveVotes() {
        Match m = new Match(VotingRules.of(1, 0.5));
        m.kickOff(TEN);
        assertEquals(10, m.at(300).engine.activeReporters());

        List<Decision> four = m.reportAll(TEN.subList(0, 4), "Goal", "Italy", 298);

        assertEquals(List.of(), four, "4 of 10 is less than half");
        assertEquals(List.of(), m.standing("Goal"));
        assertEquals(4, m.engine.pending().get(0).votes());

        List<Decision> fifth = m.report(TEN.get(4), "Goal", "Italy", 299);

        AcceptedEvent goal = Match.accepted(fifth, Decision.Kind.NEW).get(0);
        assertEquals(5, goal.votes());
        assertEquals(0.5, goal.confidence(), 1e-9, "five of ten equal weights");
    }

    @Test
    void reportersIdleLongerThanTheActiveWindowStopCounting() {
        Match m = new Match(VotingRules.of(2, 0.5));
        long active = m.engine.rules().activeWindow().toSeconds();
        m.kickOff(TEN);

        assertEquals(10, m.at(active - 60).engine.activeReporters(), "the kick-off is a minute short of the window");
        assertEquals(0, m.at(active + 1).engine.activeReporters(), "the kick-off reports are older than the window");

        m.at(active + 60);
        assertEquals(List.of(), m.report(TEN.get(0), "Goal", "Turkey", active + 55), "k = 2 still holds");
        List<Decision> second = m.report(TEN.get(1), "Goal", "Turkey", active + 56);

        AcceptedEvent goal = Match.accepted(second, Decision.Kind.NEW).get(0);
        assertEquals(2, goal.votes(), "2 of the 2 reporters still active is a majority");
        assertEquals(1.0, goal.confidence(), 1e-9);
        assertEquals(2, m.engine.activeReporters());
    }

    @Test
    void aPendingCandidateKeepsTheElectorateItBeganWithSoAMinorityCannotWaitOutABreak() {
        VotingRules defaults = VotingRules.of(2, 0.5);
        long active = defaults.activeWindow().toSeconds();
        // a decision timeout longer than the active window, so the candidate outlives the quiet reporters
        Match m = new Match(defaults.withDecisionTimeout(defaults.activeWindow().plusMinutes(10)));
        m.kickOff(TEN.subList(3, 10));
        m.at(300).kickOff(TEN.subList(0, 3)); // three late-comers, active 5 minutes longer

        m.at(360).reportAll(TEN.subList(0, 3), "Free kick", "Italy", 355);
        assertEquals(List.of(), m.standing("Free kick"), "3 of 10");

        List<Decision> quiet = m.tickUntil(active + 2);
        assertEquals(List.of(), Match.accepted(quiet, Decision.Kind.NEW),
                "the 7 going quiet does not lower the bar of a candidate that began while they were active");
        assertEquals(3, m.engine.activeReporters(), "yet they have left the active set");

        long later = active + 60;
        List<Decision> fresh = m.at(later).reportAll(TEN.subList(0, 2), "Corner", "Italy", later - 2);
        AcceptedEvent corner = Match.accepted(fresh, Decision.Kind.NEW).get(0);
        assertEquals(2, corner.votes(), "a candidate begun after they left needs half of the 3 still active");
    }

    @Test
    void withBothPartsTheStricterDecides() {
        Match m = new Match(VotingRules.of(3, 0.1));
        m.kickOff(TEN);

        m.at(300).reportAll(TEN.subList(0, 2), "Corner", "Italy", 298);
        assertEquals(List.of(), m.standing("Corner"), "2 of 10 is above 10 %, but below k = 3");

        assertEquals(1, Match.accepted(m.report(TEN.get(2), "Corner", "Italy", 298), Decision.Kind.NEW).size());
    }
}
