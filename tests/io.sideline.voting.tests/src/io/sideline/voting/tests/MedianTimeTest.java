package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.Decision;
import io.sideline.voting.VotingRules;

/** The accepted time is the median of the reported times. */
class MedianTimeTest {

    private static final Map<String, Duration> GOAL_MINUTE = Map.of("Goal", Duration.ofSeconds(60));

    private static AcceptedEvent goal(int k, double... seconds) {
        Match m = new Match(Match.rules(k, 0, GOAL_MINUTE)).at(700);
        List<Decision> decisions = List.of();
        for (int i = 0; i < seconds.length; i++) {
            decisions = m.report("fan" + i, "Goal", "Italy", seconds[i]);
        }
        assertEquals(1, m.standing("Goal").size(), "all reports are one goal");
        return Match.accepted(decisions, Decision.Kind.NEW).get(0);
    }

    @Test
    void anOddCountTakesTheMiddleTime() {
        assertEquals(Match.t(602), goal(3, 600, 604, 602).eventTime());
    }

    @Test
    void anEvenCountTakesTheMidpointOfTheTwoMiddleTimes() {
        assertEquals(Match.t(604), goal(4, 600, 610, 602, 606).eventTime());
    }

    @Test
    void theMidpointKeepsMilliseconds() {
        assertEquals(Match.t(600.5), goal(2, 600, 601).eventTime());
    }

    @Test
    void anOutlierDoesNotDragTheTime() {
        AcceptedEvent goal = goal(5, 600, 601, 650, 602, 603);

        assertEquals(Match.t(602), goal.eventTime(), "a mean would say 611.2 s");
        assertEquals(5, goal.votes(), "the late reporter still counts as a vote");
    }

    @Test
    void theOrderOfArrivalDoesNotMatter() {
        assertEquals(goal(5, 600, 601, 650, 602, 603).eventTime(), goal(5, 650, 603, 600, 602, 601).eventTime());
    }

    @Test
    void aPendingCandidateShowsTheMedianSoFar() {
        Match m = new Match(Match.rules(5, 0, GOAL_MINUTE)).at(700);
        m.report("a", "Goal", "Turkey", 600);
        m.report("b", "Goal", "Turkey", 640);
        m.report("c", "Goal", "Turkey", 604);

        assertEquals(Match.t(604), m.engine.pending().get(0).eventTime());
    }
}
