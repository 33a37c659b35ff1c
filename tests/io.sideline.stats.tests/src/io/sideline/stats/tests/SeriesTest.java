package io.sideline.stats.tests;

import static io.sideline.stats.tests.Host.at;
import static io.sideline.stats.tests.Host.mt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.protocol.Accepted;
import io.sideline.sport.football.Football;
import io.sideline.stats.MatchStats;
import io.sideline.stats.Point;
import io.sideline.stats.Step;

/** The series the charts plot over match time: cumulative counts and momentum. */
class SeriesTest {

    private final Host host = new Host();
    private final MatchStats stats = new MatchStats(new Football(), List.of("Turkey", "Italy"), Host.KICK_OFF);

    @Test
    void theCumulativeSeriesStepsAtTheEventsMatchTimesAndEndsAtTheCount() {
        stats.applyAll(List.of(
                host.accept(Football.SHOT_ON_TARGET, "Italy", at(3, 0)),
                host.accept(Football.SHOT_ON_TARGET, "Italy", at(10, 0)),
                host.accept(Football.SHOT_ON_TARGET, "Italy", at(10, 0)),
                host.accept(Football.SHOT_ON_TARGET, "Turkey", at(17, 30)),
                host.accept(Football.GOAL, "Italy", at(20, 0)),
                host.accept(Football.SHOT_ON_TARGET, "Italy", at(25, 15))));

        Map<String, List<Step>> shots = stats.cumulative(Football.SHOT_ON_TARGET);
        assertEquals(List.of("Turkey", "Italy"), List.copyOf(shots.keySet()));
        assertEquals(List.of(new Step(Duration.ZERO, 0), new Step(mt(3, 0), 1), new Step(mt(10, 0), 3),
                new Step(mt(25, 15), 4)), shots.get("Italy"), "two shots at 10:00 make one step of two");
        assertEquals(List.of(new Step(Duration.ZERO, 0), new Step(mt(17, 30), 1)), shots.get("Turkey"));
        assertEquals(stats.count(Football.SHOT_ON_TARGET, "Italy"), last(shots.get("Italy")).count());

        assertEquals(List.of(new Step(Duration.ZERO, 0)), stats.cumulative(Football.RED_CARD).get("Turkey"),
                "an action nobody made stays at zero");
    }

    @Test
    void anAmendedTimeMovesTheStepAndARetractionRemovesIt() {
        Accepted first = host.accept(Football.CORNER, "Turkey", at(5, 0));
        Accepted second = host.accept(Football.CORNER, "Turkey", at(8, 0));
        stats.applyAll(List.of(first, second));
        stats.apply(host.amend(first, Host.event(Football.CORNER, "Turkey", at(6, 0))));
        assertEquals(List.of(new Step(Duration.ZERO, 0), new Step(mt(6, 0), 1), new Step(mt(8, 0), 2)),
                stats.cumulative(Football.CORNER).get("Turkey"));

        stats.apply(host.retract(second));
        assertEquals(List.of(new Step(Duration.ZERO, 0), new Step(mt(6, 0), 1)),
                stats.cumulative(Football.CORNER).get("Turkey"));
    }

    @Test
    void momentumSumsFootballsWeightsInTheTrailingWindowAndRollsOutAfterIt() {
        stats.applyAll(List.of(
                host.accept(Football.GOAL, "Italy", at(10, 0)), // weighs 6
                host.accept(Football.SHOT_ON_TARGET, "Turkey", at(11, 0)), // 3
                host.accept(Football.FOUL, "Italy", at(12, 0)))); // -0.5

        Duration window = Duration.ofMinutes(5);
        Map<String, List<Point>> m = stats.momentum(window, Duration.ofMinutes(1));
        List<Point> italy = m.get("Italy");
        List<Point> turkey = m.get("Turkey");

        assertEquals(18, italy.size(), "samples every minute from 0:00 until the last event has rolled out, 17:00");
        assertEquals(mt(17, 0), last(italy).matchTime());
        assertEquals(0.0, value(italy, 9));
        assertEquals(6.0, value(italy, 10), "the goal counts from its minute on");
        assertEquals(5.5, value(italy, 12), "a foul counts against its side");
        assertEquals(5.5, value(italy, 14));
        assertEquals(-0.5, value(italy, 15), "five minutes on, the goal has left the window");
        assertEquals(0.0, value(italy, 17), "and then the foul");
        assertEquals(0.0, value(turkey, 10));
        assertEquals(3.0, value(turkey, 11));
        assertEquals(3.0, value(turkey, 15));
        assertEquals(0.0, value(turkey, 16));

        List<Point> difference = stats.momentumDifference(window, Duration.ofMinutes(1));
        assertEquals(-6.0, value(difference, 10), "Turkey minus Italy: Italy on top after its goal");
        assertEquals(-2.5, value(difference, 12));
        assertEquals(3.5, value(difference, 15), "Turkey on top once the goal has rolled out");
    }

    @Test
    void momentumCanBeSampledUntilAGivenMatchTime() {
        stats.apply(host.accept(Football.CORNER, "Italy", at(2, 0)));
        List<Point> italy = stats.momentum(Duration.ofMinutes(10), Duration.ofSeconds(30), mt(4, 10)).get("Italy");
        assertEquals(10, italy.size(), "0:00 to 4:30 every 30 s");
        assertEquals(new Point(mt(4, 30), 1.5), last(italy));
    }

    @Test
    void momentumNeedsAPositiveWindowAndStep() {
        assertThrows(IllegalArgumentException.class, () -> stats.momentum(Duration.ZERO, Duration.ofMinutes(1)));
        assertThrows(IllegalArgumentException.class, () -> stats.momentum(Duration.ofMinutes(5), Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class,
                () -> stats.momentum(Duration.ofMinutes(5), Duration.ofNanos(1), Duration.ofHours(2)),
                "too many samples");
    }

    @Test
    void withoutAKickOffMatchTimeCountsFromTheFirstPeriodStart() {
        MatchStats noKickOff = new MatchStats(new Football(), List.of("Turkey", "Italy"), null);
        assertEquals(Duration.ZERO, noKickOff.matchTime(at(5, 0)), "no start known yet");

        noKickOff.apply(host.accept(Football.SHOT_OFF_TARGET, "Italy", at(3, 0)));
        assertEquals(at(3, 0), noKickOff.start(), "no period start yet: the earliest event");

        noKickOff.apply(host.accept(Football.PERIOD_START, "Turkey", at(1, 0)));
        noKickOff.apply(host.accept(Football.GOAL, "Italy", at(11, 0)));
        assertEquals(at(1, 0), noKickOff.start());
        assertEquals(mt(10, 0), noKickOff.matchTime(at(11, 0)));
        assertEquals(List.of(new Step(Duration.ZERO, 0), new Step(mt(10, 0), 1)),
                noKickOff.cumulative(Football.GOAL).get("Italy"));
    }

    private static double value(List<Point> series, int minute) {
        return series.stream().filter(p -> p.matchTime().equals(mt(minute, 0))).findFirst().orElseThrow().value();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
