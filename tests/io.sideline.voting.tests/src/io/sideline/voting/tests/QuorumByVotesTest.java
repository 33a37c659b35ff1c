package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.testing.MutableClock;
import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.Decision;
import io.sideline.voting.VotingEngine;
import io.sideline.voting.VotingRules;

/** The absolute part of the quorum: k distinct identities. */
class QuorumByVotesTest {

    @Test
    void oneReportStaysPendingAndASecondIdentityGetsItAccepted() {
        Match m = new Match(VotingRules.of(2, 0));

        List<Decision> first = m.at(600).report("anna", "Goal", "Italy", 598);

        assertEquals(List.of(), first, "one report of two needed decides nothing");
        assertEquals(List.of(), m.engine.timeline());
        assertEquals(1, m.engine.pending().size());
        assertEquals(1, m.engine.pending().get(0).votes());

        List<Decision> second = m.at(602).report("bruno", "Goal", "Italy", 599);

        List<AcceptedEvent> accepted = Match.accepted(second, Decision.Kind.NEW);
        assertEquals(1, accepted.size(), second::toString);
        AcceptedEvent goal = accepted.get(0);
        assertEquals("Goal", goal.title());
        assertEquals("Italy", goal.origin());
        assertEquals(2, goal.votes());
        assertEquals(1, goal.version());
        assertEquals(AcceptedEvent.Status.ACCEPTED, goal.status());
        assertEquals(Match.t(602), goal.acceptedAt(), "decided on the engine's clock");
        assertEquals(List.of(goal), m.engine.timeline());
        assertEquals(List.of(), m.engine.pending(), "the accepted candidate is no longer pending");
    }

    @Test
    void theSameIdentityReportingTwiceDoesNotCountTwice() {
        Match m = new Match(VotingRules.of(2, 0));

        List<Decision> decisions = new ArrayList<>(m.at(600).report("anna", "Goal", "Italy", 598));
        decisions.addAll(m.at(601).report("anna", "Goal", "Italy", 599));

        assertEquals(List.of(), decisions, "anna alone is one vote, however often she reports");
        assertEquals(List.of(), m.engine.timeline());
        assertTrue(m.engine.pending().stream().allMatch(p -> p.votes() == 1), m.engine.pending()::toString);

        List<Decision> withBruno = m.at(603).report("bruno", "Goal", "Italy", 598);

        AcceptedEvent goal = Match.accepted(withBruno, Decision.Kind.NEW).get(0);
        assertEquals(2, goal.votes(), "anna and bruno: two identities, two votes");
        assertEquals(1, m.standing("Goal").size());
    }

    @Test
    void threeNeededMeansTwoAreNotEnough() {
        Match m = new Match(VotingRules.of(3, 0));

        m.reportAll(List.of("anna", "bruno"), "Corner", "Turkey", 100);
        assertEquals(List.of(), m.engine.timeline());

        List<Decision> third = m.report("carla", "Corner", "Turkey", 101);
        assertEquals(3, Match.accepted(third, Decision.Kind.NEW).get(0).votes());
    }

    @Test
    void aLoneAnalystWithKOneAndNoFractionIsAcceptedAtOnce() {
        Match m = new Match(VotingRules.of(1, 0));

        List<Decision> decisions = m.at(35).report("analyst", "Shot", "Italy", 34);

        AcceptedEvent shot = Match.accepted(decisions, Decision.Kind.NEW).get(0);
        assertEquals(1, shot.votes());
        assertEquals(1.0, shot.confidence(), 1e-9, "the analyst is the only active reporter");
        assertEquals(List.of(), m.engine.pending());
    }

    @Test
    void aLoneAnalystIsNotHeldBackByOtherActiveReporters() {
        Match m = new Match(VotingRules.of(1, 0));
        m.kickOff(Match.reporters("fan", 9));

        List<Decision> decisions = m.at(300).report("analyst", "Foul", "Turkey", 299);

        assertEquals(1, Match.accepted(decisions, Decision.Kind.NEW).size(),
                "fraction 0 turns the share of active reporters off");
    }

    @Test
    void everyReportOfALoneAnalystIsAnEvent() {
        Match m = new Match(VotingRules.of(1, 0).withWindows(Map.of("Pass", Duration.ofSeconds(2)),
                Duration.ofSeconds(15)));

        for (int i = 0; i < 20; i++) {
            m.at(10 + i * 5).report("analyst", "Pass", "Italy", 9 + i * 5);
        }

        assertEquals(20, m.standing("Pass").size());
        assertEquals(20, m.engine.timeline().stream().map(AcceptedEvent::id).distinct().count(), "ids are unique");
    }

    @Test
    void theEngineKeepsItsRules() {
        VotingRules rules = VotingRules.of(2, 0.5);
        assertEquals(rules, new VotingEngine(rules, new MutableClock(Match.KICK_OFF)).rules());
    }
}
