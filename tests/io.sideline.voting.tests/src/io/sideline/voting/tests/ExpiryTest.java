package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sideline.voting.Decision;
import io.sideline.voting.VotingRules;

/** A candidate nobody corroborates within the decision timeout is rejected by tick(). */
class ExpiryTest {

    @Test
    void anUncorroboratedCandidateIsRejectedWhenTheTimeoutEnds() {
        Match m = new Match(VotingRules.of(2, 0)).at(600);
        m.report("anna", "Penalty", "Turkey", 598);

        assertEquals(List.of(), m.tickUntil(644), "the default timeout is 45 s");
        assertEquals(1, m.engine.pending().size());

        List<Decision> decisions = m.tickUntil(645);

        assertEquals(1, decisions.size(), decisions::toString);
        Decision.Reject reject = (Decision.Reject) decisions.get(0);
        assertEquals("Penalty", reject.title());
        assertEquals("Turkey", reject.origin());
        assertEquals(Match.t(598), reject.eventTime());
        assertEquals(List.of("anna"), reject.reporters());
        assertTrue(reject.reason().contains("45 s"), reject.reason());
        assertEquals(Match.t(645), reject.decidedAt());
        assertEquals(List.of(reject), m.engine.rejected());
        assertEquals(List.of(), m.engine.pending());
        assertEquals(List.of(), m.engine.timeline());
    }

    @Test
    void theReportersOfAnExpiredCandidateLoseWeight() {
        Match m = new Match(VotingRules.of(3, 0)).at(600);
        m.reportAll(List.of("anna", "bruno"), "Penalty", "Turkey", 598);

        m.tickUntil(700);

        assertEquals(0.8, m.engine.weight("anna"), 1e-9, "initial 1.0 minus the loss 0.2");
        assertEquals(0.8, m.engine.weight("bruno"), 1e-9);
        assertEquals(1.0, m.engine.weight("carla"), 1e-9, "someone who reported nothing keeps the initial weight");
    }

    @Test
    void anExpiredCandidatesVotesAreGone() {
        Match m = new Match(VotingRules.of(2, 0)).at(600);
        m.report("anna", "Penalty", "Turkey", 598);
        m.tickUntil(650);

        List<Decision> late = m.report("bruno", "Penalty", "Turkey", 598);

        assertEquals(List.of(), late, "bruno starts a new candidate; anna's expired vote does not count");
        assertEquals(List.of(List.of("bruno")), m.engine.pending().stream().map(p -> p.reporters()).toList());
    }

    @Test
    void anAcceptedEventIsNotTouchedByLaterTicks() {
        Match m = new Match(VotingRules.of(2, 0)).at(600);
        m.reportAll(List.of("anna", "bruno"), "Goal", "Italy", 598);

        assertEquals(List.of(), m.tickUntil(900));
        assertEquals(1, m.standing("Goal").size());
        assertEquals(List.of(), m.engine.rejected());
    }

    @Test
    void theTimeoutIsCountedFromTheFirstReportNotTheLast() {
        Match m = new Match(VotingRules.of(3, 0)).at(600);
        m.report("anna", "Corner", "Italy", 598);
        m.at(640).report("bruno", "Corner", "Italy", 599);

        List<Decision> decisions = m.tickUntil(646);

        assertEquals(List.of(List.of("anna", "bruno")),
                Match.rejections(decisions).stream().map(Decision.Reject::reporters).toList());
    }

    @Test
    void aLongerTimeoutWaitsLonger() {
        Match m = new Match(VotingRules.of(2, 0).withDecisionTimeout(Duration.ofMinutes(2))).at(600);
        m.report("anna", "Penalty", "Turkey", 598);

        assertEquals(List.of(), m.tickUntil(700));
        assertEquals(1, Match.accepted(m.report("bruno", "Penalty", "Turkey", 599), Decision.Kind.NEW).size());
    }
}
