package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.Decision;
import io.sideline.voting.VotingEngine;
import io.sideline.voting.VotingRules;

/** Which reports are the same event: same title, same origin, times within the action's window. */
class ActionWindowTest {

    private static final VotingRules RULES = Match.rules(2, 0,
            Map.of("Goal", Duration.ofSeconds(60), "Shot", Duration.ofSeconds(5)));

    @Test
    void reportsTwentySecondsApartAreOneGoalInASixtySecondWindow() {
        Match m = new Match(RULES);

        m.at(620).report("anna", "Goal", "Italy", 600);
        List<Decision> decisions = m.report("bruno", "Goal", "Italy", 620);

        AcceptedEvent goal = Match.accepted(decisions, Decision.Kind.NEW).get(0);
        assertEquals(2, goal.votes());
        assertEquals(Match.t(610), goal.eventTime(), "the median of 600 s and 620 s");
    }

    @Test
    void reportsTwentySecondsApartAreTwoShotsInAFiveSecondWindow() {
        Match m = new Match(RULES);

        m.at(620).report("anna", "Shot", "Italy", 600);
        List<Decision> decisions = m.report("bruno", "Shot", "Italy", 620);

        assertEquals(List.of(), decisions);
        assertEquals(List.of(), m.engine.timeline());
        List<VotingEngine.Pending> pending = m.engine.pending();
        assertEquals(2, pending.size(), "two candidates of one vote each");
        assertEquals(List.of(1, 1), pending.stream().map(VotingEngine.Pending::votes).toList());
    }

    @Test
    void aTitleWithoutItsOwnWindowUsesTheDefaultWindow() {
        Match m = new Match(RULES);
        assertEquals(Duration.ofSeconds(15), RULES.windowFor("Corner"));

        m.at(700).report("anna", "Corner", "Turkey", 680);
        assertEquals(1, Match.accepted(m.report("bruno", "Corner", "Turkey", 690), Decision.Kind.NEW).size(),
                "10 s apart: one corner");

        m.at(800).report("anna", "Corner", "Turkey", 760);
        assertEquals(List.of(), m.report("bruno", "Corner", "Turkey", 780), "20 s apart: two corners");
    }

    @Test
    void theSameTitleForTheOtherTeamIsAnotherCandidate() {
        Match m = new Match(RULES);

        m.at(610).report("anna", "Shot", "Italy", 600);
        assertEquals(List.of(), m.report("bruno", "Shot", "Turkey", 600));
        assertEquals(2, m.engine.pending().size());
    }

    @Test
    void aSecondReportOfTheSameIdentityWithinTheWindowStartsASecondCandidate() {
        Match m = new Match(RULES);

        m.at(605).report("anna", "Shot", "Italy", 600);
        m.report("anna", "Shot", "Italy", 603);

        List<VotingEngine.Pending> pending = m.engine.pending();
        assertEquals(2, pending.size());
        assertEquals(List.of(List.of("anna"), List.of("anna")),
                pending.stream().map(VotingEngine.Pending::reporters).toList());
    }

    @Test
    void twoRealShotsThreeSecondsApartBecomeTwoEventsWhenReportersReportBoth() {
        Match m = new Match(RULES);

        m.at(605);
        m.report("anna", "Shot", "Italy", 600);
        m.report("anna", "Shot", "Italy", 603);
        List<Decision> decisions = new ArrayList<>(m.report("bruno", "Shot", "Italy", 600));
        decisions.addAll(m.report("bruno", "Shot", "Italy", 603));

        List<AcceptedEvent> shots = Match.accepted(decisions, Decision.Kind.NEW);
        assertEquals(2, shots.size(), decisions::toString);
        assertEquals(List.of(Match.t(600), Match.t(603)), shots.stream().map(AcceptedEvent::eventTime).toList());
        assertEquals(2, m.standing("Shot").size());
        assertEquals(List.of(), m.engine.pending());

        // a third reporter who saw only the second shot confirms that one
        m.report("carla", "Shot", "Italy", 603);
        assertEquals(List.of(2, 3), m.standing("Shot").stream().map(AcceptedEvent::votes).toList());
    }

    @Test
    void bothShotsAreAcceptedWhicheverOrderTheReportsArriveIn() {
        Match m = new Match(RULES);

        m.at(605);
        m.report("anna", "Shot", "Italy", 603);
        m.report("bruno", "Shot", "Italy", 600);
        m.report("anna", "Shot", "Italy", 600);
        m.report("bruno", "Shot", "Italy", 603);

        // reports are paired as they arrive, so the two times may blend; the count does not
        assertEquals(List.of(), m.engine.pending());
        assertEquals(2, m.standing("Shot").size());
        assertEquals(List.of(2, 2), m.standing("Shot").stream().map(AcceptedEvent::votes).toList());
    }

    // ------------------------------------------------------------- which candidate a report goes to

    private static final VotingRules SUBS = Match.rules(3, 0, Map.of("Substitution", Duration.ofSeconds(30)));

    @Test
    void aReportOfAnAcceptedEventConfirmsItRatherThanFeedingASecondCandidateBegunByDoubleReports() {
        Match m = new Match(SUBS);
        m.at(3_700);
        m.report("anna", "Substitution", "Italy", 3_655);
        m.report("bruno", "Substitution", "Italy", 3_656);
        m.report("carla", "Substitution", "Italy", 3_654);
        assertEquals(1, m.standing("Substitution").size(), "three votes: accepted");
        // anna and bruno each credit Italy with Turkey's substitution of the same moment as well
        m.report("anna", "Substitution", "Italy", 3_657);
        m.report("bruno", "Substitution", "Italy", 3_657);
        assertEquals(List.of(2), m.engine.pending().stream().map(VotingEngine.Pending::votes).toList());

        // dario saw Italy's one substitution, reported at the moment the double reports are nearest to
        m.report("dario", "Substitution", "Italy", 3_657);

        assertEquals(1, m.standing("Substitution").size(), "no second Italy substitution");
        assertEquals(4, m.standing("Substitution").get(0).votes(), "dario confirmed the accepted one");
        assertEquals(List.of(2), m.engine.pending().stream().map(VotingEngine.Pending::votes).toList());
    }

    @Test
    void aReporterWhoMissedTheFirstOfTwoSubstitutionsSixteenSecondsApartVotesForTheSecond() {
        Match m = new Match(SUBS);
        m.at(3_900);
        for (String who : List.of("anna", "bruno", "carla")) {
            m.report(who, "Substitution", "Turkey", 3_835);
        }
        m.report("anna", "Substitution", "Turkey", 3_851);
        m.report("bruno", "Substitution", "Turkey", 3_851);

        m.report("dario", "Substitution", "Turkey", 3_852); // missed the first one

        assertEquals(List.of(Match.t(3_835), Match.t(3_851)),
                m.standing("Substitution").stream().map(AcceptedEvent::eventTime).toList(), "two substitutions");
        assertEquals(List.of(), m.engine.pending());
    }

    @Test
    void aFirstReportGoesToTheCandidateThatBeganFirstUnlessAnotherIsMuchNearer() {
        Match m = new Match(SUBS);
        m.at(3_700);
        m.report("anna", "Substitution", "Turkey", 3_655);
        m.report("bruno", "Substitution", "Turkey", 3_655);
        m.report("anna", "Substitution", "Turkey", 3_658); // a double report begins a second candidate

        List<Decision> d = m.report("carla", "Substitution", "Turkey", 3_659); // nearer the second, by 3 s of 30

        assertEquals(1, Match.accepted(d, Decision.Kind.NEW).size(), "carla's vote completes the first candidate");
        assertEquals(Match.t(3_655), m.standing("Substitution").get(0).eventTime());
        assertEquals(List.of(List.of("anna")), m.engine.pending().stream().map(VotingEngine.Pending::reporters).toList());
    }
}
