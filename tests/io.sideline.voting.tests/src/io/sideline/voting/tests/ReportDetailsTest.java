package io.sideline.voting.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.protocol.Location;
import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.Decision;
import io.sideline.voting.Report;
import io.sideline.voting.VotingRules;

/**
 * What an accepted event carries besides title, origin and time: the player most supporters named and that share,
 * the median of the locations they reported; and what a rejection tells each reporter.
 */
class ReportDetailsTest {

    private static Report report(Match m, String reporter, String player, Location at, String ref) {
        return new Report(reporter, "Shot on target", "Italy", Match.t(600), m.clock.instant(), player, Map.of(), at, ref);
    }

    @Test
    void reportsThatNameDifferentPlayersAreOneEventCarryingTheMajorityPlayerAndItsShare() {
        Match m = new Match(VotingRules.of(3, 0)).at(605);
        m.engine.submit(report(m, "anna", "Immobile", new Location(88, 40), "r-1"));
        m.engine.submit(report(m, "bruno", "Insigne", new Location(90, 44), "r-7"));
        List<Decision> decisions = m.engine.submit(report(m, "carla", "Immobile", new Location(86, 60), "r-3"));

        List<AcceptedEvent> accepted = Match.accepted(decisions, Decision.Kind.NEW);
        assertEquals(1, accepted.size(), "three reports naming two players are one shot: " + decisions);
        AcceptedEvent shot = accepted.get(0);
        assertEquals("Immobile", shot.player());
        assertEquals(2.0 / 3, shot.playerShare(), 1e-9, "two of the three who named a player named Immobile");
        assertEquals(new Location(88, 44), shot.location(), "the median of x and of y");
    }

    @Test
    void anEventNobodyLocatedHasNoLocationAndNoShareWithoutPlayers() {
        Match m = new Match(VotingRules.of(1, 0)).at(605);
        AcceptedEvent e = Match.accepted(m.report("anna", "Corner", "Italy", 600), Decision.Kind.NEW).get(0);
        assertNull(e.location());
        assertNull(e.playerShare());
    }

    @Test
    void aTimedOutReportSaysHowManyReportersItHadAndHowManyTheMatchNeedsAndNamesEachReportByItsRef() {
        Match m = new Match(VotingRules.of(2, 0)).at(605);
        m.engine.submit(report(m, "anna", null, null, "7:r-12"));

        List<Decision> decisions = m.tickUntil(660);

        List<Decision.Reject> rejections = Match.rejections(decisions);
        assertEquals(1, rejections.size(), decisions::toString);
        assertEquals("only 1 reporter reported it within 45 s; this match needs 2", rejections.get(0).reason());
        assertEquals(Map.of("anna", "7:r-12"), rejections.get(0).refs());
    }
}
