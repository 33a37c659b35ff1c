package io.sideline.sport.basketball;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Component;

import io.sideline.sport.api.Qualifier;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;

/**
 * Basketball, with the play-by-play actions of NBA and FIBA scoresheets: field goals of two and three
 * points made or missed, free throws, rebounds, assists, steals, blocks, turnovers, fouls, timeouts and
 * substitutions. Four quarters of 12 minutes (NBA), overtime periods of 5; the score is in points.
 */
@Component(service = Sport.class)
public final class Basketball implements Sport {

    /** the sport id */
    public static final String ID = "basketball";

    public static final String TWO_MADE = "2-pt made";
    public static final String TWO_MISSED = "2-pt missed";
    public static final String THREE_MADE = "3-pt made";
    public static final String THREE_MISSED = "3-pt missed";
    public static final String FREE_THROW_MADE = "Free throw made";
    public static final String FREE_THROW_MISSED = "Free throw missed";
    public static final String OFFENSIVE_REBOUND = "Offensive rebound";
    public static final String DEFENSIVE_REBOUND = "Defensive rebound";
    public static final String ASSIST = "Assist";
    public static final String STEAL = "Steal";
    public static final String BLOCK = "Block";
    public static final String TURNOVER = "Turnover";
    public static final String FOUL = "Foul";
    public static final String TIMEOUT = "Timeout";
    public static final String SUBSTITUTION = "Substitution";
    public static final String PERIOD_START = "Period start";
    public static final String PERIOD_END = "Period end";

    private static final Qualifier FOUL_TYPE = new Qualifier("foul-type", "Foul", List.of("Personal", "Shooting",
            "Offensive", "Technical", "Flagrant"));

    /** possessions change in seconds: reports of one play are close together */
    private static final Duration QUICK = Duration.ofSeconds(5);

    private static final List<SportAction> ACTIONS = List.of(
            new SportAction("two-made", TWO_MADE, "2", QUICK),
            new SportAction("two-missed", TWO_MISSED, "w", QUICK),
            new SportAction("three-made", THREE_MADE, "3", QUICK),
            new SportAction("three-missed", THREE_MISSED, "e", QUICK),
            new SportAction("free-throw-made", FREE_THROW_MADE, "1", Duration.ofSeconds(4)),
            new SportAction("free-throw-missed", FREE_THROW_MISSED, "q", Duration.ofSeconds(4)),
            new SportAction("offensive-rebound", OFFENSIVE_REBOUND, "o", Duration.ofSeconds(4)),
            new SportAction("defensive-rebound", DEFENSIVE_REBOUND, "d", Duration.ofSeconds(4)),
            new SportAction("assist", ASSIST, "a", QUICK),
            new SportAction("steal", STEAL, "s", QUICK),
            new SportAction("block", BLOCK, "b", QUICK),
            new SportAction("turnover", TURNOVER, "t", QUICK),
            new SportAction("foul", FOUL, "f", Duration.ofSeconds(8), List.of(Qualifier.PLAYER, FOUL_TYPE)),
            new SportAction("timeout", TIMEOUT, "i", Duration.ofSeconds(20), List.of()),
            new SportAction("substitution", SUBSTITUTION, "u", Duration.ofSeconds(20)),
            new SportAction(SportAction.PERIOD_START_ID, PERIOD_START, "n", Duration.ofSeconds(60), List.of()),
            new SportAction(SportAction.PERIOD_END_ID, PERIOD_END, "m", Duration.ofSeconds(60), List.of()));

    private static final Map<String, Integer> POINTS = Map.of(TWO_MADE, 2, THREE_MADE, 3, FREE_THROW_MADE, 1);
    private static final Map<String, Double> MOMENTUM = Map.ofEntries(Map.entry(TWO_MADE, 2.0),
            Map.entry(THREE_MADE, 3.0), Map.entry(FREE_THROW_MADE, 1.0), Map.entry(TWO_MISSED, -0.5),
            Map.entry(THREE_MISSED, -0.5), Map.entry(FREE_THROW_MISSED, -0.5), Map.entry(OFFENSIVE_REBOUND, 1.0),
            Map.entry(DEFENSIVE_REBOUND, 0.5), Map.entry(ASSIST, 0.5), Map.entry(STEAL, 1.5), Map.entry(BLOCK, 1.0),
            Map.entry(TURNOVER, -1.5), Map.entry(FOUL, -0.5), Map.entry(TIMEOUT, 0.0), Map.entry(SUBSTITUTION, 0.0),
            Map.entry(PERIOD_START, 0.0), Map.entry(PERIOD_END, 0.0));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Basketball";
    }

    @Override
    public List<SportAction> actions() {
        return ACTIONS;
    }

    /**
     * none: baskets at either end seconds apart, double fouls and both teams' substitutions are all real, and both
     * teams' period marks are one period for the statistics
     */
    @Override
    public Set<String> exclusiveActions() {
        return Set.of();
    }

    @Override
    public int points(String actionLabel) {
        return POINTS.getOrDefault(actionLabel, 0);
    }

    @Override
    public double momentumWeight(String actionLabel) {
        return MOMENTUM.getOrDefault(actionLabel, 1.0);
    }

    @Override
    public int periods() {
        return 4;
    }

    /** NBA quarters of 12 minutes, overtime periods of 5 */
    @Override
    public @Nullable Duration periodLength(int period) {
        return Duration.ofMinutes(period <= 4 ? 12 : 5);
    }

    @Override
    public String periodName(int period) {
        return period <= 4 ? "Q" + period : period == 5 ? "OT" : "OT" + (period - 4);
    }

    @Override
    public List<String> keyActions() {
        return List.of(TWO_MADE, THREE_MADE, FREE_THROW_MADE, TWO_MISSED, THREE_MISSED, OFFENSIVE_REBOUND,
                DEFENSIVE_REBOUND, ASSIST, STEAL, BLOCK, TURNOVER, FOUL);
    }
}
