package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sideline.voting.Decision;
import io.sideline.voting.VotingRules;

/** A group of identities that agree on a lie, against a crowd that reports what happened. */
class CoordinatedLiarsTest {

    private static final List<String> HONEST = Match.reporters("honest", 7);
    private static final List<String> LIARS = Match.reporters("liar", 3);
    private static final int MINUTES = 20;

    /** Every minute: 8 of 10 (the 7 honest and one liar) report a corner; the 3 liars report a fake goal. */
    private static List<Decision> play(Match m) {
        List<String> all = new ArrayList<>(HONEST);
        all.addAll(LIARS);
        m.kickOff(all);
        List<String> eight = new ArrayList<>(HONEST);
        eight.add(LIARS.get(0));
        List<Decision> decisions = new ArrayList<>();
        for (int minute = 1; minute <= MINUTES; minute++) {
            int s = minute * 60;
            m.at(s);
            decisions.addAll(m.reportAll(LIARS, "Goal", "Turkey", s - 5));
            decisions.addAll(m.reportAll(eight, "Corner", minute % 2 == 0 ? "Italy" : "Turkey", s - 2));
            decisions.addAll(m.tickUntil(s + 59));
        }
        return decisions;
    }

    @Test
    void threeLiarsOfTenNeverGetAFakeGoalAcceptedWithHalfTheActiveWeight() {
        Match m = new Match(VotingRules.of(2, 0.5));

        List<Decision> decisions = play(m);

        assertEquals(List.of(), m.standing("Goal"), "no fake goal, however many ticks");
        assertEquals(MINUTES, m.standing("Corner").size(), "every real corner is accepted");
        List<Decision.Reject> fakes = Match.rejections(decisions).stream()
                .filter(r -> r.title().equals("Goal")).toList();
        assertEquals(MINUTES, fakes.size(), "every fake goal ends as a rejected candidate");
        assertTrue(fakes.stream().allMatch(r -> r.reporters().equals(LIARS)), fakes::toString);
        for (String liar : LIARS) {
            for (String honest : HONEST) {
                assertTrue(m.engine.weight(liar) < m.engine.weight(honest), liar + " ends lighter than " + honest);
            }
        }
        assertEquals(m.engine.rules().minWeight(), m.engine.weight(LIARS.get(1)), 1e-9,
                "a liar who only lies sinks to the minimum weight");
    }

    @Test
    void kAloneCannotStopAGroupOfLiarsBiggerThanK() {
        Match m = new Match(VotingRules.of(2, 0));

        play(m);

        assertEquals(MINUTES, m.standing("Goal").size(), "without a fraction, 3 agreeing liars beat k = 2 every time");
    }
}
