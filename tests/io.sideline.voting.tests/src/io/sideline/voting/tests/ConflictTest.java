package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.Decision;
import io.sideline.voting.VotingRules;

/**
 * The same exclusive action (one the sport says only one side can make at a moment) at the same moment by two
 * origins: the heavier side wins, the other is kept as rejected. Other actions never conflict.
 */
class ConflictTest {

    private static final Set<String> GOAL = Set.of("Goal");

    private static final List<String> ITALY_FANS = Match.reporters("italyFan", 3);
    private static final List<String> TURKEY_FANS = Match.reporters("turkeyFan", 2);

    @Test
    void theHeavierGoalWinsAndTheLoserIsRejectedWithItsReporters() {
        Match m = new Match(VotingRules.of(3, 0).withExclusive(GOAL)).at(605);
        m.reportAll(TURKEY_FANS, "Goal", "Turkey", 600);

        List<Decision> decisions = m.reportAll(ITALY_FANS, "Goal", "Italy", 601);

        List<AcceptedEvent> accepted = Match.accepted(decisions, Decision.Kind.NEW);
        assertEquals(1, accepted.size());
        assertEquals("Italy", accepted.get(0).origin());
        List<Decision.Reject> rejections = Match.rejections(decisions);
        assertEquals(1, rejections.size());
        Decision.Reject loser = rejections.get(0);
        assertEquals("Goal", loser.title());
        assertEquals("Turkey", loser.origin());
        assertEquals(Match.t(600), loser.eventTime());
        assertEquals(TURKEY_FANS, loser.reporters());
        assertEquals("Goal by Italy was accepted for the same moment with more support, and only one side can have a "
                + "Goal within 15 s", loser.reason(), "the reason is in words");
        assertEquals(List.of(loser), m.engine.rejected(), "the loser is kept");

        assertEquals(List.of("Italy"), m.standing("Goal").stream().map(AcceptedEvent::origin).toList());
        assertEquals(List.of(), m.engine.pending());
        for (String fan : TURKEY_FANS) {
            assertTrue(m.engine.weight(fan) < 1.0, fan + " was contradicted and loses weight");
        }
        for (String fan : ITALY_FANS) {
            assertTrue(m.engine.weight(fan) > 1.0, fan + " was right and gains weight");
        }
    }

    @Test
    void weightNotHeadCountDecides() {
        // gain 1.0: one accepted report takes a reporter to the maximum weight 2
        VotingRules rules = new VotingRules(3, 0, Map.of(), Duration.ofSeconds(15), Duration.ofSeconds(45),
                Duration.ofMinutes(10), 1.0, 0.25, 2.0, 1.0, 0.2).withExclusive(GOAL);
        Match m = new Match(rules).at(120);
        m.reportAll(List.of("turkeyFan0", "turkeyFan1", "trusted"), "Corner", "Turkey", 110);
        assertEquals(2.0, m.engine.weight("turkeyFan0"));

        m.at(605).reportAll(TURKEY_FANS, "Goal", "Turkey", 600); // 2 votes, weight 4
        List<Decision> italy = m.reportAll(ITALY_FANS, "Goal", "Italy", 600); // 3 votes, weight 3

        assertEquals(List.of(), italy, "Italy has k = 3 votes, but Turkey's pending reports weigh more");
        assertEquals(List.of(), m.standing("Goal"));

        List<Decision> decisions = m.report("trusted", "Goal", "Turkey", 600);

        assertEquals(List.of("Turkey"), Match.accepted(decisions, Decision.Kind.NEW).stream()
                .map(AcceptedEvent::origin).toList());
        assertEquals(List.of("Italy"), Match.rejections(decisions).stream().map(Decision.Reject::origin).toList());
    }

    @Test
    void aHeavierRivalNobodyCorroboratesExpiresAndLetsTheOtherThrough() {
        VotingRules rules = new VotingRules(3, 0, Map.of(), Duration.ofSeconds(15), Duration.ofSeconds(45),
                Duration.ofMinutes(10), 1.0, 0.25, 2.0, 1.0, 0.2).withExclusive(GOAL);
        Match m = new Match(rules).at(120);
        m.reportAll(List.of("turkeyFan0", "turkeyFan1", "trusted"), "Corner", "Turkey", 110);
        m.at(600).reportAll(TURKEY_FANS, "Goal", "Turkey", 600);
        m.at(610).reportAll(ITALY_FANS, "Goal", "Italy", 600);

        List<Decision> decisions = m.tickUntil(650);

        assertEquals(2, decisions.size(), decisions::toString);
        assertEquals("Turkey", ((Decision.Reject) decisions.get(0)).origin());
        assertEquals("Italy", ((Decision.Accept) decisions.get(1)).event().origin());
        assertEquals(Match.t(645), ((Decision.Accept) decisions.get(1)).event().acceptedAt(),
                "decided as soon as the rival expired");
    }

    @Test
    void aLateConflictingCandidateDoesNotPutASecondGoalForTheSameMoment() {
        Match m = new Match(VotingRules.of(2, 0).withExclusive(GOAL)).at(605);
        m.reportAll(ITALY_FANS, "Goal", "Italy", 600);
        AcceptedEvent italy = m.standing("Goal").get(0);

        List<Decision> decisions = m.at(620).reportAll(TURKEY_FANS, "Goal", "Turkey", 603);

        assertEquals(List.of(italy), m.standing("Goal"), "the accepted goal stands alone; a correction changes it");
        List<Decision.Reject> rejections = Match.rejections(decisions);
        assertEquals(1, rejections.size(), decisions::toString);
        assertEquals(TURKEY_FANS, rejections.get(0).reporters());
        assertEquals("Goal by Italy was already accepted 3 s from this one, and only one side can have a Goal within "
                + "15 s: if the side was wrong, correct that event", rejections.get(0).reason());
        assertEquals(List.of(), m.engine.pending());
    }

    @Test
    void goalsByBothTeamsAMinuteApartAreNoConflict() {
        Match m = new Match(VotingRules.of(2, 0).withExclusive(GOAL)).at(700);
        m.reportAll(ITALY_FANS, "Goal", "Italy", 600);
        m.reportAll(TURKEY_FANS, "Goal", "Turkey", 660);

        assertEquals(List.of("Italy", "Turkey"), m.standing("Goal").stream().map(AcceptedEvent::origin).toList());
        assertEquals(List.of(), m.engine.rejected());
    }

    @Test
    void differentActionsAtTheSameMomentAreNoConflict() {
        Match m = new Match(VotingRules.of(2, 0).withExclusive(GOAL)).at(700);
        m.reportAll(ITALY_FANS, "Foul", "Italy", 650);
        m.reportAll(TURKEY_FANS, "Free kick", "Turkey", 650);

        assertEquals(2, m.engine.timeline().size());
        assertEquals(List.of(), m.engine.rejected());
    }

    @Test
    void theSameActionByBothSidesAtOnceIsTwoEventsUnlessTheSportDeclaresItExclusive() {
        // a foul and the retaliation; two shots at either end of a counter: a lone analyst reports both
        Match m = new Match(VotingRules.of(1, 0).withExclusive(GOAL)).at(700);
        for (String action : List.of("Foul", "Shot on target", "Corner", "Save", "Free kick", "Offside")) {
            m.report("analyst", action, "Italy", 650);
            m.report("analyst", action, "Turkey", 651);
        }
        assertEquals(12, m.engine.timeline().size(), m.engine.rejected()::toString);
        assertEquals(List.of(), m.engine.rejected());
        assertEquals(List.of(), m.engine.pending(), "with quorum 1 every report is decided the moment it arrives");
    }

    @Test
    void aLoneAnalystsSecondGoalForTheOtherSideIsRefusedAtOnceWithTheReason() {
        Match m = new Match(VotingRules.of(1, 0).withExclusive(GOAL)).at(700);
        m.report("analyst", "Goal", "Italy", 650);

        List<Decision> decisions = m.report("analyst", "Goal", "Turkey", 653);

        List<Decision.Reject> rejections = Match.rejections(decisions);
        assertEquals(1, rejections.size(), "decided at once, not after the decision timeout: " + decisions);
        assertEquals("Goal by Italy was already accepted 3 s from this one, and only one side can have a Goal within "
                + "15 s: if the side was wrong, correct that event", rejections.get(0).reason());
    }

    @Test
    void withoutDeclaredExclusiveActionsNothingConflicts() {
        Match m = new Match(VotingRules.of(2, 0)).at(605);
        m.reportAll(ITALY_FANS, "Goal", "Italy", 600);
        m.reportAll(TURKEY_FANS, "Goal", "Turkey", 601);
        assertEquals(List.of("Italy", "Turkey"), m.standing("Goal").stream().map(AcceptedEvent::origin).toList());
    }
}
