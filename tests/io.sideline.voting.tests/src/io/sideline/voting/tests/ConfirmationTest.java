package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.Decision;

/** Reports of an event that is already accepted confirm it: more votes, more confidence, no duplicate. */
class ConfirmationTest {

    private static final List<String> TEN = Match.reporters("fan", 10);

    private static Match matchWithTenActive() {
        Match m = new Match(Match.rules(2, 0, Map.of("Goal", Duration.ofSeconds(60))));
        m.kickOff(TEN);
        return m.at(300);
    }

    @Test
    void lateMatchingReportsRaiseVotesAndConfidenceAndNeverDuplicate() {
        Match m = matchWithTenActive();
        m.report(TEN.get(0), "Goal", "Italy", 298);
        AcceptedEvent first = Match.accepted(m.report(TEN.get(1), "Goal", "Italy", 299), Decision.Kind.NEW).get(0);

        double confidence = first.confidence();
        for (int i = 2; i < 10; i++) {
            m.at(300 + 20 * i).report(TEN.get(i), "Goal", "Italy", 290 + 5 * i); // late, and up to 50 s off

            List<AcceptedEvent> goals = m.standing("Goal");
            assertEquals(1, goals.size(), "never a second goal");
            AcceptedEvent goal = goals.get(0);
            assertEquals(first.id(), goal.id());
            assertEquals(1, goal.version(), "a confirmation is not a new version");
            assertEquals(i + 1, goal.votes());
            assertTrue(goal.confidence() > confidence, "confidence rises with each confirmation");
            assertTrue(goal.confidence() <= 1.0);
            assertEquals(first.eventTime(), goal.eventTime(), "the accepted time stays put");
            confidence = goal.confidence();
        }
        assertEquals(List.of(), m.engine.pending(), "no report was left over as a candidate of its own");
    }

    @Test
    void aConfirmationIsBroadcastWhenTheVotesDoubleNotOnEveryReport() {
        Match m = matchWithTenActive();
        List<Decision> all = new ArrayList<>();
        List<Integer> decisionsPerReport = new ArrayList<>();
        for (String fan : TEN) {
            List<Decision> d = m.report(fan, "Goal", "Italy", 300);
            decisionsPerReport.add(d.size());
            all.addAll(d);
        }

        assertEquals(List.of(0, 1, 0, 1, 0, 0, 0, 1, 0, 0), decisionsPerReport,
                "accepted at 2 votes, confirmed at 4 and at 8");
        assertEquals(1, Match.accepted(all, Decision.Kind.NEW).size());
        List<AcceptedEvent> confirmed = Match.accepted(all, Decision.Kind.CONFIRMED);
        assertEquals(List.of(4, 8), confirmed.stream().map(AcceptedEvent::votes).toList());
        assertTrue(confirmed.stream().allMatch(e -> e.version() == 1 && e.status() == AcceptedEvent.Status.ACCEPTED));
        assertEquals(10, m.standing("Goal").get(0).votes(), "the timeline knows all ten votes");
    }

    @Test
    void aConfirmationComesEvenLongAfterTheEvent() {
        Match m = matchWithTenActive();
        m.reportAll(TEN.subList(0, 2), "Goal", "Turkey", 300);

        m.at(580).report(TEN.get(2), "Goal", "Turkey", 301);

        assertEquals(3, m.standing("Goal").get(0).votes());
        assertEquals(List.of(), m.engine.pending());
    }

    @Test
    void aConfirmingReporterCountsOnce() {
        Match m = matchWithTenActive();
        m.reportAll(TEN.subList(0, 3), "Goal", "Italy", 300);

        m.report(TEN.get(2), "Goal", "Italy", 301);

        assertEquals(1, m.standing("Goal").size());
        assertEquals(3, m.standing("Goal").get(0).votes(), "a repeated report is no extra vote");
        // it is a candidate of its own: a second goal only if k identities report a second one
        assertEquals(List.of(List.of(TEN.get(2))), m.engine.pending().stream().map(p -> p.reporters()).toList());
    }
}
