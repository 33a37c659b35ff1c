package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.AcceptedEvent.Status;
import io.sideline.voting.Decision;
import io.sideline.voting.VotingRules;

/** After a restart the host restores its timeline: no duplicates, and ids continue. */
class RestoreTest {

    private static final AcceptedEvent KICK_OFF = new AcceptedEvent("e1", 1, Status.ACCEPTED, "Kick-off", "Italy",
            Match.t(0), null, Map.of(), 4, 0.4, Match.t(2), null);
    private static final AcceptedEvent GOAL = new AcceptedEvent("e7", 1, Status.ACCEPTED, "Goal", "Italy",
            Match.t(600), "Immobile", Map.of(), 5, 0.5, Match.t(603), null);
    private static final AcceptedEvent DISALLOWED = new AcceptedEvent("e4", 2, Status.RETRACTED, "Goal", "Turkey",
            Match.t(300), null, Map.of(), 5, 0.5, Match.t(330), "offside");

    private static Match restarted() {
        Match m = new Match(VotingRules.of(2, 0)).at(1200);
        m.engine.restore(List.of(KICK_OFF, DISALLOWED, GOAL));
        return m;
    }

    @Test
    void theTimelineIsRestoredAsItWas() {
        Match m = restarted();

        assertEquals(List.of(KICK_OFF, DISALLOWED, GOAL), m.engine.timeline());
        assertEquals(GOAL, m.engine.event("e7").orElseThrow());
        assertEquals(List.of(), m.engine.pending());
    }

    @Test
    void aLateReportConfirmsARestoredEventInsteadOfDuplicatingIt() {
        Match m = restarted();

        List<Decision> decisions = m.report("lateFan", "Goal", "Italy", 601);

        assertEquals(List.of(), decisions, "6 votes is not yet double the 5 it was broadcast with");
        assertEquals(List.of(), m.engine.pending(), "no new candidate");
        List<AcceptedEvent> goals = m.standing("Goal");
        assertEquals(1, goals.size());
        assertEquals("e7", goals.get(0).id());
        assertEquals(6, goals.get(0).votes(), "the restored 5 votes and the late one");
        assertEquals(1, goals.get(0).version());
    }

    @Test
    void newIdsContinueAfterTheHighestRestoredId() {
        Match m = restarted();

        m.report("anna", "Corner", "Turkey", 1190);
        List<Decision> decisions = m.report("bruno", "Corner", "Turkey", 1191);

        assertEquals("e8", Match.accepted(decisions, Decision.Kind.NEW).get(0).id());
    }

    @Test
    void aRestoredTombstoneIsNotRevived() {
        Match m = restarted();

        m.report("anna", "Goal", "Turkey", 300);

        assertEquals(DISALLOWED, m.engine.event("e4").orElseThrow());
        assertEquals(1, m.engine.pending().size());
    }

    @Test
    void aRestoredEventCanBeCorrected() {
        Match m = restarted();
        m.retract("anna", "e7", "offside");

        List<Decision> decisions = m.retract("bruno", "e7", "offside");

        AcceptedEvent v2 = Match.accepted(decisions, Decision.Kind.RETRACTED).get(0);
        assertEquals("e7", v2.id());
        assertEquals(2, v2.version());
    }

    @Test
    void idsOfAnotherSchemeDoNotDisturbTheNumbering() {
        Match m = new Match(VotingRules.of(1, 0)).at(1200);
        m.engine.restore(List.of(new AcceptedEvent("5a0d9f3b-7c21-4e86-9b14-c2e8d6f3a190", 1, Status.ACCEPTED, "Goal",
                "Italy", Match.t(600), null, Map.of(), 3, 0.3, Match.t(601), null), GOAL));

        assertEquals("e8", Match.accepted(m.report("analyst", "Corner", "Italy", 1199), Decision.Kind.NEW).get(0).id());
    }
}
