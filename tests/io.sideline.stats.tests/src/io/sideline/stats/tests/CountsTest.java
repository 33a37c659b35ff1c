package io.sideline.stats.tests;

import static io.sideline.stats.tests.Host.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.sideline.protocol.Accepted;
import io.sideline.sport.football.Football;
import io.sideline.stats.ActionCounts;
import io.sideline.stats.MatchStats;

/** Counts, score and the versioning of events: what the statistics table and the scoreboard show. */
class CountsTest {

    private final Host host = new Host();
    private final MatchStats stats = new MatchStats(new Football(), List.of("Turkey", "Italy"), Host.KICK_OFF);

    @Test
    void countsEachActionPerOriginInTheSportsOrderAndTheOriginsOrder() {
        assertTrue(stats.applyAll(List.of(
                host.accept(Football.SHOT_ON_TARGET, "Italy", at(3, 0)),
                host.accept(Football.GOAL, "Italy", at(10, 0)),
                host.accept(Football.FOUL, "Turkey", at(12, 0)),
                host.accept(Football.FOUL, "Turkey", at(14, 0)),
                host.accept(Football.GOAL, "Italy", at(30, 0)),
                host.accept(Football.SHOT_ON_TARGET, "Turkey", at(40, 0)))));

        assertEquals(2, stats.count(Football.GOAL, "Italy"));
        assertEquals(0, stats.count(Football.GOAL, "Turkey"));
        assertEquals(2, stats.count(Football.FOUL, "Turkey"));
        assertEquals(1, stats.count(Football.SHOT_ON_TARGET, "Turkey"));
        assertEquals(2, stats.total(Football.SHOT_ON_TARGET));
        assertEquals(0, stats.count("Nothing like it", "Italy"));

        List<ActionCounts> table = stats.counts();
        assertEquals(new Football().actions().stream().map(a -> a.label()).toList(),
                table.stream().map(ActionCounts::action).toList(), "one row per football action, in its order");
        ActionCounts goals = table.get(0);
        assertEquals(Football.GOAL, goals.action());
        assertEquals(List.of("Turkey", "Italy"), List.copyOf(goals.perOrigin().keySet()), "home first");
        assertEquals(Map.of("Turkey", 0, "Italy", 2), goals.perOrigin());
        assertEquals(2, goals.total());
        assertEquals(6, table.stream().mapToInt(ActionCounts::total).sum(), "every event counted once");
        assertEquals(Map.of("Turkey", 0, "Italy", 2), stats.score());
        assertEquals(6, stats.events().size());
    }

    @Test
    void confirmationsAndDuplicatesChangeNoCountAndNoVersion() {
        Accepted goal = host.accept(Football.GOAL, "Italy", at(10, 0));
        assertTrue(stats.apply(goal));
        long version = stats.version();

        Accepted confirmed = host.confirm(goal);
        Accepted confirmedAgain = host.confirm(confirmed);
        assertFalse(stats.apply(confirmed), "a confirmation only adds votes");
        assertFalse(stats.apply(confirmedAgain));
        assertFalse(stats.apply(goal), "a duplicate of the first message");

        assertEquals(1, stats.count(Football.GOAL, "Italy"));
        assertEquals(1, stats.score().get("Italy"));
        assertEquals(version, stats.version(), "nothing to redraw");
        assertEquals(1, stats.events().size());
        assertEquals(4, stats.events().get(0).votes(), "the events list shows the latest votes");
    }

    @Test
    void anAmendmentFromItalysGoalToTurkeysOwnGoalMovesBothCountsAndKeepsTheScore() {
        Accepted goal = host.accept(Football.GOAL, "Italy", at(53, 0));
        stats.apply(goal);
        assertEquals(Map.of("Turkey", 0, "Italy", 1), stats.score());
        long version = stats.version();

        assertTrue(stats.apply(host.amend(goal, Host.event(Football.OWN_GOAL, "Turkey", at(53, 0)))));

        assertEquals(0, stats.count(Football.GOAL, "Italy"), "the goal is no longer Italy's");
        assertEquals(1, stats.count(Football.OWN_GOAL, "Turkey"), "it is Turkey's own goal");
        assertEquals(0, stats.total(Football.GOAL));
        assertEquals(Map.of("Turkey", 0, "Italy", 1), stats.score(), "an own goal is still Italy's point");
        assertEquals(version + 1, stats.version());
        assertEquals(1, stats.events().size(), "one event, in its second version");
        assertEquals(2, stats.events().get(0).version());
    }

    @Test
    void anAmendmentOfTheOriginMovesThePoint() {
        Accepted goal = host.accept(Football.GOAL, "Italy", at(20, 0));
        stats.apply(goal);
        stats.apply(host.amend(goal, Host.event(Football.GOAL, "Turkey", at(20, 0))));
        assertEquals(Map.of("Turkey", 1, "Italy", 0), stats.score());
        assertEquals(1, stats.count(Football.GOAL, "Turkey"));
        assertEquals(0, stats.count(Football.GOAL, "Italy"));
    }

    @Test
    void aRetractionRemovesTheEventFromEveryStatistic() {
        Accepted shot = host.accept(Football.SHOT_ON_TARGET, "Italy", at(9, 0));
        Accepted goal = host.accept(Host.event(Football.GOAL, "Italy", at(10, 0), "Ciro Immobile", 1));
        stats.applyAll(List.of(shot, goal));

        assertTrue(stats.apply(host.retract(goal)));

        assertEquals(0, stats.count(Football.GOAL, "Italy"));
        assertEquals(Map.of("Turkey", 0, "Italy", 0), stats.score(), "a disallowed goal scores nothing");
        assertEquals(List.of(shot), stats.events(), "the tombstone is not a standing event");
        assertEquals(Map.of(), stats.playerCounts(), "nor is it the player's");
        assertEquals(1, stats.count(Football.SHOT_ON_TARGET, "Italy"), "other events stay");
    }

    @Test
    void anOlderVersionArrivingLateIsIgnored() {
        Accepted goal = host.accept(Football.GOAL, "Italy", at(10, 0));
        Accepted amended = host.amend(goal, Host.event(Football.GOAL, "Turkey", at(10, 0)));
        Accepted retracted = host.retract(amended);

        assertTrue(stats.apply(amended));
        assertFalse(stats.apply(goal), "version 1 after version 2");
        assertEquals(1, stats.count(Football.GOAL, "Turkey"));
        assertEquals(0, stats.count(Football.GOAL, "Italy"));

        assertTrue(stats.apply(retracted));
        assertFalse(stats.apply(goal), "a retracted event does not come back with an old version");
        assertFalse(stats.apply(amended));
        assertEquals(0, stats.total(Football.GOAL));
        assertEquals(List.of(), stats.events());
    }

    @Test
    void theOrderMessagesArriveInDoesNotChangeTheStatistics() {
        List<Accepted> timeline = new ArrayList<>();
        for (int minute = 1; minute <= 90; minute += 3) {
            Accepted a = host.accept(minute % 2 == 0 ? Football.SHOT_OFF_TARGET : Football.GOAL,
                    minute % 5 == 0 ? "Turkey" : "Italy", at(minute, 0));
            timeline.add(a);
            timeline.add(host.confirm(a));
            if (minute % 7 == 0) {
                timeline.add(host.retract(a));
            } else if (minute % 11 == 0) {
                timeline.add(host.amend(a, Host.event(Football.OWN_GOAL, a.event().origin(), at(minute, 30))));
            }
        }
        stats.applyAll(timeline);

        for (long seed : new long[] { 1, 2, 3 }) {
            List<Accepted> shuffled = new ArrayList<>(timeline);
            Collections.shuffle(shuffled, new Random(seed));
            MatchStats other = new MatchStats(new Football(), List.of("Turkey", "Italy"), Host.KICK_OFF);
            other.applyAll(shuffled);
            assertEquals(stats.counts(), other.counts(), "seed " + seed);
            assertEquals(stats.score(), other.score(), "seed " + seed);
            assertEquals(stats.events().stream().map(Accepted::event).toList(),
                    other.events().stream().map(Accepted::event).toList(), "seed " + seed);
        }
    }

    @Test
    void anOriginOrActionTheConstructorDidNotNameIsCountedAndAppended() {
        stats.apply(host.accept("Water break", "Referee", at(30, 0)));
        assertEquals(List.of("Turkey", "Italy", "Referee"), stats.origins());
        assertEquals("Water break", stats.actions().get(stats.actions().size() - 1));
        assertEquals(1, stats.count("Water break", "Referee"));
        assertEquals(Map.of("Turkey", 0, "Italy", 0, "Referee", 0), stats.score());
    }

    @Test
    void withThreeSidesAPointToTheOpponentGoesToEachOtherSide() {
        MatchStats three = new MatchStats(new Football(), List.of("A", "B", "C"), Host.KICK_OFF);
        three.apply(host.accept(Football.OWN_GOAL, "A", at(5, 0)));
        three.apply(host.accept(Football.GOAL, "C", at(6, 0)));
        assertEquals(Map.of("A", 0, "B", 1, "C", 2), three.score());
    }

    @Test
    void aSideListedTwiceIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new MatchStats(new Football(), List.of("Italy", "Italy"), Host.KICK_OFF));
    }
}
