package io.sideline.stats.tests;

import static io.sideline.stats.tests.Host.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.protocol.Accepted;
import io.sideline.sport.football.Football;
import io.sideline.stats.ActionCounts;
import io.sideline.stats.MatchStats;

/** Counts per period (first half, second half) and per player. */
class PeriodsAndPlayersTest {

    private final Host host = new Host();
    private final MatchStats stats = new MatchStats(new Football(), List.of("Turkey", "Italy"), Host.KICK_OFF);

    @Test
    void anEventsOwnPeriodFieldPutsItInThatPeriod() {
        stats.applyAll(List.of(
                host.accept(Host.event(Football.CORNER, "Italy", at(20, 0), null, 1)),
                host.accept(Host.event(Football.CORNER, "Italy", at(70, 0), null, 2)),
                host.accept(Host.event(Football.GOAL, "Italy", at(68, 0), null, 2)),
                host.accept(Host.event(Football.FOUL, "Turkey", at(46, 0), null, 1)))); // stoppage time of the first half

        assertEquals(List.of(1, 2), stats.periods());
        assertEquals(1, stats.count(1, Football.CORNER, "Italy"));
        assertEquals(1, stats.count(2, Football.CORNER, "Italy"));
        assertEquals(1, stats.count(2, Football.GOAL, "Italy"));
        assertEquals(1, stats.count(1, Football.FOUL, "Turkey"), "the period field wins over the clock");
        assertEquals(0, stats.count(2, Football.FOUL, "Turkey"));
        assertEquals(2, stats.counts(2).stream().mapToInt(ActionCounts::total).sum());
        assertPeriodsAddUp(stats);
    }

    @Test
    void withoutPeriodFieldsThePeriodStartsDecide() {
        Accepted early = host.accept(Football.SHOT_OFF_TARGET, "Turkey", at(-1, 0));
        Accepted firstHalf = host.accept(Football.SHOT_OFF_TARGET, "Turkey", at(30, 0));
        Accepted atRestart = host.accept(Football.SHOT_OFF_TARGET, "Italy", at(60, 0));
        Accepted secondHalf = host.accept(Football.SHOT_OFF_TARGET, "Italy", at(75, 0));
        stats.applyAll(List.of(host.accept(Football.PERIOD_START, "Turkey", at(0, 0)), early, firstHalf,
                atRestart, secondHalf));
        assertEquals(List.of(1), stats.periods(), "one period start so far: everything is in the first half");

        Accepted restart = host.accept(Football.PERIOD_START, "Italy", at(60, 0));
        stats.apply(restart);

        assertEquals(List.of(1, 2), stats.periods());
        assertEquals(1, stats.period(early.event()), "before any period start is still the first period");
        assertEquals(1, stats.period(firstHalf.event()));
        assertEquals(2, stats.period(atRestart.event()), "at the restart is already the second half");
        assertEquals(2, stats.period(secondHalf.event()));
        assertEquals(2, stats.count(1, Football.SHOT_OFF_TARGET, "Turkey"));
        assertEquals(2, stats.count(2, Football.SHOT_OFF_TARGET, "Italy"));
        assertEquals(1, stats.count(2, Football.PERIOD_START, "Italy"));
        assertPeriodsAddUp(stats);

        stats.apply(host.retract(restart));
        assertEquals(List.of(1), stats.periods(), "the retracted restart no longer splits the match");
        assertEquals(2, stats.count(1, Football.SHOT_OFF_TARGET, "Italy"));
        assertPeriodsAddUp(stats);
    }

    @Test
    void playersCountsAreKeptPerOriginAndOnlyForEventsWithAPlayer() {
        Accepted shot = host.accept(Host.event(Football.SHOT_ON_TARGET, "Italy", at(20, 0), "Ciro Immobile", null));
        stats.applyAll(List.of(shot,
                host.accept(Host.event(Football.GOAL, "Italy", at(66, 0), "Ciro Immobile", null)),
                host.accept(Host.event(Football.SHOT_ON_TARGET, "Italy", at(65, 0), "Ciro Immobile", null)),
                host.accept(Host.event(Football.GOAL, "Italy", at(79, 0), "Lorenzo Insigne", null)),
                host.accept(Host.event(Football.OWN_GOAL, "Turkey", at(53, 0), "Merih Demiral", null)),
                host.accept(Football.CORNER, "Italy", at(40, 0))));

        Map<String, Map<String, Map<String, Integer>>> players = stats.playerCounts();
        assertEquals(List.of("Turkey", "Italy"), List.copyOf(players.keySet()));
        assertEquals(List.of("Ciro Immobile", "Lorenzo Insigne"), List.copyOf(players.get("Italy").keySet()));
        assertEquals(Map.of(Football.GOAL, 1, Football.SHOT_ON_TARGET, 2), players.get("Italy").get("Ciro Immobile"));
        assertEquals(List.of(Football.GOAL, Football.SHOT_ON_TARGET),
                List.copyOf(players.get("Italy").get("Ciro Immobile").keySet()), "in the sport's order");
        assertEquals(Map.of(Football.GOAL, 1), players.get("Italy").get("Lorenzo Insigne"));
        assertEquals(Map.of("Merih Demiral", Map.of(Football.OWN_GOAL, 1)), players.get("Turkey"));
        assertEquals(4, players.get("Italy").values().stream().flatMap(m -> m.values().stream())
                .mapToInt(Integer::intValue).sum(), "the corner has no player");

        stats.apply(host.amend(shot, shot.event().withPlayer("Federico Chiesa")));
        players = stats.playerCounts();
        assertEquals(Map.of(Football.SHOT_ON_TARGET, 1), players.get("Italy").get("Federico Chiesa"),
                "an amendment credits the shot to another player");
        assertEquals(Map.of(Football.GOAL, 1, Football.SHOT_ON_TARGET, 1), players.get("Italy").get("Ciro Immobile"));
    }

    static void assertPeriodsAddUp(MatchStats stats) {
        for (String action : stats.actions()) {
            for (String origin : stats.origins()) {
                int sum = 0;
                for (int period : stats.periods()) {
                    sum += stats.count(period, action, origin);
                }
                assertEquals(stats.count(action, origin), sum, action + " of " + origin + " over the periods");
            }
        }
        int total = stats.periodCounts().values().stream().flatMap(List::stream).mapToInt(ActionCounts::total).sum();
        assertEquals(stats.events().size(), total, "every standing event is in exactly one period");
    }

    @Test
    void theMatchClockLeavesOutTheBreakSoTheSecondHalfStartsAt45() {
        MatchStats noKickoff = new MatchStats(new Football(), List.of("Turkey", "Italy"), null);
        noKickoff.applyAll(List.of(host.accept(Football.PERIOD_START, "Turkey", at(0, 0)),
                host.accept(Football.PERIOD_START, "Italy", at(0, 0)), // each team reports the kick-off
                host.accept(Football.PERIOD_START, "Turkey", at(62, 0)), // a 17-minute break after 45 + 2
                host.accept(Football.PERIOD_START, "Italy", at(62, 1)),
                host.accept(Football.FOUL, "Italy", at(70, 0))));

        assertEquals(Host.mt(30, 0), noKickoff.clock(at(30, 0)), "first half: the time since kick-off");
        assertEquals(Host.mt(47, 0), noKickoff.clock(at(47, 0)), "stoppage time runs on past 45:00");
        assertEquals(Host.mt(45, 0), noKickoff.clock(at(62, 0)), "the second half starts at 45:00");
        assertEquals(Host.mt(61, 30), noKickoff.clock(at(78, 30)));
        assertEquals(Host.mt(78, 30), noKickoff.matchTime(at(78, 30)), "match time itself keeps the break");
        assertEquals(List.of(1, 2), noKickoff.periods(), "both teams' restarts are one period start");
        assertEquals(1, noKickoff.count(2, Football.FOUL, "Italy"), "a foul at 70' is in the second half");
    }
}
