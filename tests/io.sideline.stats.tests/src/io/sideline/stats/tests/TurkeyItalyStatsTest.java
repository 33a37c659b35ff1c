package io.sideline.stats.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.football.Football;
import io.sideline.stats.MatchStats;
import io.sideline.stats.Point;
import io.sideline.stats.Step;
import io.sideline.statsbomb.MatchEvent;
import io.sideline.statsbomb.StatsBombMatch;

/**
 * The real match, Euro 2020 Turkey 0–3 Italy (StatsBomb open data), as the host would have accepted it: the
 * statistics must say what the file says.
 */
class TurkeyItalyStatsTest {

    static final Instant KICK_OFF = Instant.parse("2021-06-11T19:00:00Z");
    static final Football FOOTBALL = new Football();

    static StatsBombMatch match;

    @BeforeAll
    static void read() throws IOException {
        Path file = Path.of(System.getProperty("sideline.root"), "examples", "data", "statsbomb", "3788741_events.json");
        match = StatsBombMatch.read(file, KICK_OFF);
    }

    /** the match's events as version-1 acceptances, ids and sequence numbers from {@code firstSeq} */
    static List<Accepted> timeline(String idPrefix, long firstSeq) {
        List<Accepted> out = new ArrayList<>();
        List<MatchEvent> events = match.events();
        for (int i = 0; i < events.size(); i++) {
            MatchEvent e = events.get(i);
            TimelineEvent event = new TimelineEvent(e.title(), e.origin(), e.time(), e.player(), e.period(), null,
                    Map.of());
            out.add(new Accepted(e.time().plusSeconds(3), idPrefix + (i + 1), firstSeq + i, 1,
                    Accepted.Status.ACCEPTED, event, 3, 0.9, null));
        }
        return out;
    }

    static MatchStats stats() {
        return new MatchStats(FOOTBALL, List.of(match.home(), match.away()), KICK_OFF);
    }

    static long expected(Predicate<MatchEvent> filter) {
        return match.events().stream().filter(filter).count();
    }

    @Test
    void theScoreIsTurkeyNilItalyThreeWithTheOwnGoalForItaly() {
        MatchStats stats = stats();
        assertTrue(stats.applyAll(timeline("e", 1)));

        assertEquals(List.of("Turkey", "Italy"), List.copyOf(stats.score().keySet()), "home first");
        assertEquals(Map.of("Turkey", 0, "Italy", 3), stats.score());
        assertEquals(2, stats.count(Football.GOAL, "Italy"));
        assertEquals(0, stats.count(Football.GOAL, "Turkey"));
        assertEquals(1, stats.count(Football.OWN_GOAL, "Turkey"), "Demiral's own goal");
        assertEquals(match.events().size(), stats.events().size());
        assertEquals(List.of("Turkey", "Italy"), stats.origins(), "no other origin in the file");
    }

    @Test
    void theGoalScorersAreInThePlayerCounts() {
        MatchStats stats = stats();
        stats.applyAll(timeline("e", 1));
        Map<String, Map<String, Map<String, Integer>>> players = stats.playerCounts();

        assertEquals(1, players.get("Italy").get("Ciro Immobile").get(Football.GOAL));
        assertEquals(1, players.get("Italy").get("Lorenzo Insigne").get(Football.GOAL));
        assertEquals(1, players.get("Turkey").get("Merih Demiral").get(Football.OWN_GOAL));
        int credited = players.values().stream().flatMap(p -> p.values().stream())
                .flatMap(a -> a.values().stream()).mapToInt(Integer::intValue).sum();
        assertEquals(expected(e -> e.player() != null), credited, "every event with a player, once");
    }

    @Test
    void everyCountIsWhatTheFileHolds() {
        MatchStats stats = stats();
        stats.applyAll(timeline("e", 1));

        for (String origin : List.of("Turkey", "Italy")) {
            for (String shot : List.of(Football.SHOT_ON_TARGET, Football.SHOT_OFF_TARGET, Football.GOAL)) {
                assertEquals(expected(e -> e.title().equals(shot) && e.origin().equals(origin)),
                        stats.count(shot, origin), shot + " by " + origin);
            }
        }
        assertTrue(stats.total(Football.SHOT_ON_TARGET) + stats.total(Football.SHOT_OFF_TARGET) > 10,
                "a real match has shots");
        for (String action : stats.actions()) {
            for (String origin : stats.origins()) {
                assertEquals(expected(e -> e.title().equals(action) && e.origin().equals(origin)),
                        stats.count(action, origin), action + " by " + origin);
            }
        }
    }

    @Test
    void thePeriodsAddUpToTheMatchAndTheCumulativeSeriesEndAtTheCounts() {
        MatchStats stats = stats();
        stats.applyAll(timeline("e", 1));

        assertEquals(match.events().stream().map(MatchEvent::period).distinct().sorted().toList(), stats.periods());
        assertEquals(expected(e -> e.period() == 2 && e.title().equals(Football.GOAL) && e.origin().equals("Italy")),
                stats.count(2, Football.GOAL, "Italy"), "the goals came after half-time");
        PeriodsAndPlayersTest.assertPeriodsAddUp(stats);
        assertCumulativeEndsAtCounts(stats);

        List<Step> italyGoals = stats.cumulative(Football.GOAL).get("Italy");
        assertEquals(3, italyGoals.size(), "zero, then one step per goal");
        MatchEvent immobile = match.events().stream()
                .filter(e -> e.title().equals(Football.GOAL) && "Ciro Immobile".equals(e.player())).findFirst()
                .orElseThrow();
        assertEquals(Duration.between(KICK_OFF, immobile.time()), italyGoals.get(1).matchTime(),
                "the first step is Immobile's goal, at its time since the kick-off");
        assertEquals(1, italyGoals.get(1).count());
    }

    @Test
    void aWindowLongerThanTheMatchSumsEveryWeight() {
        MatchStats stats = stats();
        stats.applyAll(timeline("e", 1));
        Duration end = stats.matchTime(match.events().get(match.events().size() - 1).time());
        Map<String, List<Point>> m = stats.momentum(Duration.ofHours(3), Duration.ofMinutes(1), end);
        for (String origin : stats.origins()) {
            double expected = match.events().stream().filter(e -> e.origin().equals(origin))
                    .mapToDouble(e -> FOOTBALL.momentumWeight(e.title())).sum();
            List<Point> series = m.get(origin);
            assertEquals(expected, series.get(series.size() - 1).value(), 1e-9, origin);
        }
    }

    @Test
    void fiftyTimesTheMatchAsDistinctEventsKeepsEveryTotalConsistent() {
        MatchStats once = stats();
        once.applyAll(timeline("e", 1));

        MatchStats stats = stats();
        int n = match.events().size();
        List<Accepted> all = new ArrayList<>();
        for (int round = 0; round < 50; round++) {
            all.addAll(timeline("r" + round + "-e", 1 + (long) round * n));
        }
        assertTrue(all.size() >= 5000, "at least 5,000 events: " + all.size());
        assertTrue(stats.applyAll(all));
        assertEquals(all.size(), stats.version(), "each new event is one change");
        assertFalse(stats.applyAll(all.subList(0, n)), "the first round again is only duplicates");

        assertEquals(all.size(), stats.events().size());
        for (String action : stats.actions()) {
            for (String origin : stats.origins()) {
                assertEquals(50 * once.count(action, origin), stats.count(action, origin), action + " by " + origin);
            }
        }
        assertEquals(Map.of("Turkey", 0, "Italy", 150), stats.score());
        Map<String, Map<String, Map<String, Integer>>> players = stats.playerCounts();
        assertEquals(50, players.get("Italy").get("Ciro Immobile").get(Football.GOAL));
        assertEquals(50, players.get("Turkey").get("Merih Demiral").get(Football.OWN_GOAL));
        PeriodsAndPlayersTest.assertPeriodsAddUp(stats);
        assertCumulativeEndsAtCounts(stats);
    }

    static void assertCumulativeEndsAtCounts(MatchStats stats) {
        for (String action : stats.actions()) {
            Map<String, List<Step>> series = stats.cumulative(action);
            for (String origin : stats.origins()) {
                List<Step> steps = series.get(origin);
                assertEquals(stats.count(action, origin), steps.get(steps.size() - 1).count(), action + " by " + origin);
                for (int i = 1; i < steps.size(); i++) {
                    assertTrue(steps.get(i).matchTime().compareTo(steps.get(i - 1).matchTime()) > 0, "sorted by time");
                    assertTrue(steps.get(i).count() > steps.get(i - 1).count(), "a step goes up");
                }
            }
        }
    }
}
