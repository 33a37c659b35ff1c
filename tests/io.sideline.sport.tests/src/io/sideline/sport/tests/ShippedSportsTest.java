package io.sideline.sport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.sport.basketball.Basketball;
import io.sideline.sport.football.Football;
import io.sideline.sport.icehockey.IceHockey;

/** The Java sports keep the contract, and their rules are the real ones. */
class ShippedSportsTest {

    @Test
    void basketballScoresInPointsOverFourQuartersAndOvertime() {
        Basketball b = new Basketball();
        SportContract.check(b);
        assertEquals(2, b.points(Basketball.TWO_MADE));
        assertEquals(3, b.points(Basketball.THREE_MADE));
        assertEquals(1, b.points(Basketball.FREE_THROW_MADE));
        assertEquals(0, b.points(Basketball.THREE_MISSED));
        assertEquals(4, b.periods());
        assertEquals(Duration.ofMinutes(12), b.periodLength(4));
        assertEquals(Duration.ofMinutes(5), b.periodLength(5));
        assertEquals("OT", b.periodName(5));
    }

    @Test
    void iceHockeyCountsEveryKindOfGoalOverThreePeriods() {
        IceHockey h = new IceHockey();
        SportContract.check(h);
        assertEquals(1, h.points(IceHockey.POWER_PLAY_GOAL));
        assertEquals(1, h.points(IceHockey.SHORT_HANDED_GOAL));
        assertEquals(0, h.points(IceHockey.SHOT_ON_GOAL));
        assertEquals(3, h.periods());
        assertEquals(Duration.ofMinutes(20), h.periodLength(3));
        assertEquals(List.of("2", "4", "5", "10"), h.action(IceHockey.PENALTY).qualifiers().get(1).values());
    }

    @Test
    void footballGivesAnOwnGoalToTheOtherSide() {
        Football f = new Football();
        SportContract.check(f);
        assertEquals(1, f.points(Football.OWN_GOAL));
        assertEquals(true, f.pointsToOpponent(Football.OWN_GOAL));
        assertEquals(Duration.ofMinutes(45), f.periodLength(2));
        assertEquals(Duration.ofMinutes(15), f.periodLength(3), "extra time");
    }

    @Test
    void everyJavaSportMarksItsPeriodsWithTheSharedIdsAndKeepsThemOutOfItsKeyActions() {
        for (Sport s : List.of(new Football(), new Basketball(), new IceHockey())) {
            SportAction start = s.action("Period start");
            SportAction end = s.action("Period end");
            assertEquals(SportAction.PERIOD_START_ID, start.id(), s.id());
            assertEquals(SportAction.PERIOD_END_ID, end.id(), s.id());
            assertTrue(start.marksPeriod() && end.marksPeriod(), s.id());
            assertEquals(List.of(start.label(), end.label()),
                    s.actions().stream().filter(SportAction::marksPeriod).map(SportAction::label).toList(), s.id());
            assertFalse(s.keyActions().contains(start.label()) || s.keyActions().contains(end.label()), s.id());
        }
        // the ids are in sport files and in plugins compiled against 1.2: they never change
        assertEquals("period-start", SportAction.PERIOD_START_ID);
        assertEquals("period-end", SportAction.PERIOD_END_ID);
    }
}
