package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.sideline.voting.VotingRules;

/** Reporters the vote agrees with gain weight, contradicted ones lose it, always within [minWeight, maxWeight]. */
class ReputationTest {

    private static final VotingRules DEFAULTS = VotingRules.of(2, 0);

    @Test
    void aNewReporterStartsAtTheInitialWeight() {
        Match m = new Match(DEFAULTS);
        assertEquals(DEFAULTS.initialWeight(), m.engine.weight("nobody"));
    }

    @Test
    void reportersOfAnAcceptedEventGainAndSoDoLateConfirmers() {
        Match m = new Match(DEFAULTS).at(300);
        m.reportAll(List.of("anna", "bruno"), "Goal", "Italy", 298);
        m.at(330).report("carla", "Goal", "Italy", 299);

        for (String r : List.of("anna", "bruno", "carla")) {
            assertEquals(1.0 + DEFAULTS.gain(), m.engine.weight(r), 1e-9, r);
        }
    }

    @Test
    void contradictedReportersLoseWeight() {
        Match m = new Match(VotingRules.of(3, 0)).at(300);
        m.reportAll(List.of("anna", "bruno"), "Goal", "Turkey", 298); // the conflict's loser
        m.reportAll(List.of("carla", "dario", "elena"), "Goal", "Italy", 298);
        m.report("fabio", "Penalty", "Italy", 250); // nobody corroborates it
        m.tickUntil(400);

        assertEquals(1.0 - DEFAULTS.loss(), m.engine.weight("anna"), 1e-9);
        assertEquals(1.0 - DEFAULTS.loss(), m.engine.weight("fabio"), 1e-9);
        assertEquals(1.0 + DEFAULTS.gain(), m.engine.weight("carla"), 1e-9);
    }

    @Test
    void aRetractionCostsTheEventsReportersWeight() {
        Match m = new Match(VotingRules.of(2, 0)).at(300);
        m.reportAll(List.of("anna", "bruno"), "Goal", "Italy", 298);
        String id = m.standing("Goal").get(0).id();
        m.at(320);
        m.retract("carla", id, "offside");
        m.retract("dario", id, "offside");

        assertEquals(1.0 + DEFAULTS.gain() - DEFAULTS.loss(), m.engine.weight("anna"), 1e-9);
        assertEquals(1.0 + DEFAULTS.gain(), m.engine.weight("carla"), 1e-9, "the correction was accepted");
    }

    @Test
    void aHundredAcceptedReportsCannotRaiseAnIdentityAboveMaxWeight() {
        Match m = new Match(VotingRules.of(1, 0));
        for (int i = 0; i < 100; i++) {
            m.at(20 * i + 1).report("analyst", "Pass", "Italy", 20 * i);
            assertTrue(m.engine.weight("analyst") <= DEFAULTS.maxWeight());
        }

        assertEquals(100, m.standing("Pass").size());
        assertEquals(DEFAULTS.maxWeight(), m.engine.weight("analyst"));
    }

    @Test
    void aHundredRejectedReportsCannotLowerAnIdentityBelowMinWeight() {
        Match m = new Match(DEFAULTS);
        for (int i = 0; i < 100; i++) {
            m.at(20 * i + 1).report("dreamer", "Goal", "Turkey", 20 * i);
            m.tickUntil(20 * i + 20);
            assertTrue(m.engine.weight("dreamer") >= DEFAULTS.minWeight());
        }
        m.tickUntil(2100);

        assertEquals(100, m.engine.rejected().size());
        assertEquals(DEFAULTS.minWeight(), m.engine.weight("dreamer"));
    }

    @Test
    void oneIdentityAtMaxWeightNeverMeetsHalfOfTenEvenWithTheOthersAtMinWeight() {
        VotingRules rules = VotingRules.of(1, 0.5);
        Match m = new Match(rules);
        // alone in the match, the analyst's reports are accepted and take it to the maximum weight
        for (int i = 0; i < 40; i++) {
            m.at(10 * i + 1).report("analyst", "Pass", "Italy", 10 * i);
        }
        assertEquals(rules.maxWeight(), m.engine.weight("analyst"));

        // nine others join; nobody corroborates their claims, and they sink to the minimum weight
        List<String> nine = Match.reporters("other", 9);
        for (int round = 0; round < 4; round++) {
            int s = 420 + 60 * round;
            m.at(s);
            for (String other : nine) {
                m.report(other, "Claim by " + other, "Turkey", s);
            }
            m.tickUntil(s + 50);
        }
        for (String other : nine) {
            assertEquals(rules.minWeight(), m.engine.weight(other), other);
        }
        m.at(700);
        assertEquals(10, m.engine.activeReporters());

        m.report("analyst", "Goal", "Italy", 699);
        m.tickUntil(740);

        assertEquals(List.of(), m.standing("Goal"), "2 is less than half of 2 + 9 x 0.25");
        assertEquals(1, m.engine.pending().size());
    }
}
