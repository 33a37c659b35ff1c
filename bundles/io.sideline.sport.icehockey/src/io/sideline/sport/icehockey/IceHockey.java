package io.sideline.sport.icehockey;

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
 * Ice hockey, with the event types of NHL play-by-play: goals (power-play and short-handed ones apart),
 * shots on goal, missed and blocked shots, faceoffs, hits, giveaways, takeaways and penalties with their
 * minutes. Three periods of 20 minutes, overtime of 5.
 */
@Component(service = Sport.class)
public final class IceHockey implements Sport {

    /** the sport id */
    public static final String ID = "ice-hockey";

    public static final String GOAL = "Goal";
    public static final String POWER_PLAY_GOAL = "Power-play goal";
    public static final String SHORT_HANDED_GOAL = "Short-handed goal";
    public static final String SHOT_ON_GOAL = "Shot on goal";
    public static final String MISSED_SHOT = "Missed shot";
    public static final String BLOCKED_SHOT = "Blocked shot";
    public static final String FACEOFF_WON = "Faceoff won";
    public static final String HIT = "Hit";
    public static final String GIVEAWAY = "Giveaway";
    public static final String TAKEAWAY = "Takeaway";
    public static final String PENALTY = "Penalty";
    public static final String PERIOD_START = "Period start";
    public static final String PERIOD_END = "Period end";

    /** minor, double minor, major, misconduct */
    public static final Qualifier MINUTES = new Qualifier("minutes", "Penalty minutes", List.of("2", "4", "5", "10"));

    private static final List<SportAction> ACTIONS = List.of(
            new SportAction("goal", GOAL, "g", Duration.ofSeconds(30)),
            new SportAction("power-play-goal", POWER_PLAY_GOAL, "w", Duration.ofSeconds(30)),
            new SportAction("short-handed-goal", SHORT_HANDED_GOAL, "k", Duration.ofSeconds(30)),
            new SportAction("shot-on-goal", SHOT_ON_GOAL, "s", Duration.ofSeconds(6)),
            new SportAction("missed-shot", MISSED_SHOT, "x", Duration.ofSeconds(6)),
            new SportAction("blocked-shot", BLOCKED_SHOT, "b", Duration.ofSeconds(6)),
            new SportAction("faceoff-won", FACEOFF_WON, "f", Duration.ofSeconds(6)),
            new SportAction("hit", HIT, "h", Duration.ofSeconds(6)),
            new SportAction("giveaway", GIVEAWAY, "v", Duration.ofSeconds(6)),
            new SportAction("takeaway", TAKEAWAY, "t", Duration.ofSeconds(6)),
            new SportAction("penalty", PENALTY, "p", Duration.ofSeconds(30), List.of(Qualifier.PLAYER, MINUTES)),
            new SportAction(SportAction.PERIOD_START_ID, PERIOD_START, "n", Duration.ofSeconds(60), List.of()),
            new SportAction(SportAction.PERIOD_END_ID, PERIOD_END, "m", Duration.ofSeconds(60), List.of()));

    private static final Set<String> GOALS = Set.of(GOAL, POWER_PLAY_GOAL, SHORT_HANDED_GOAL);
    private static final Map<String, Double> MOMENTUM = Map.ofEntries(Map.entry(GOAL, 5.0),
            Map.entry(POWER_PLAY_GOAL, 5.0), Map.entry(SHORT_HANDED_GOAL, 6.0), Map.entry(SHOT_ON_GOAL, 1.0),
            Map.entry(MISSED_SHOT, 0.4), Map.entry(BLOCKED_SHOT, 0.3), Map.entry(FACEOFF_WON, 0.2),
            Map.entry(HIT, 0.2), Map.entry(GIVEAWAY, -0.7), Map.entry(TAKEAWAY, 0.7), Map.entry(PENALTY, -1.5),
            Map.entry(PERIOD_START, 0.0), Map.entry(PERIOD_END, 0.0));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Ice Hockey";
    }

    @Override
    public List<SportAction> actions() {
        return ACTIONS;
    }

    /**
     * none: both teams can score within a goal's window (seconds apart after a faceoff), coincidental penalties
     * happen together, and both teams' period marks are one period for the statistics
     */
    @Override
    public Set<String> exclusiveActions() {
        return Set.of();
    }

    @Override
    public int points(String actionLabel) {
        return GOALS.contains(actionLabel) ? 1 : 0;
    }

    @Override
    public double momentumWeight(String actionLabel) {
        return MOMENTUM.getOrDefault(actionLabel, 1.0);
    }

    @Override
    public int periods() {
        return 3;
    }

    /** three periods of 20 minutes; regular-season overtime of 5 */
    @Override
    public @Nullable Duration periodLength(int period) {
        return Duration.ofMinutes(period <= 3 ? 20 : 5);
    }

    @Override
    public String periodName(int period) {
        return period <= 3 ? "P" + period : period == 4 ? "OT" : "OT" + (period - 3);
    }

    @Override
    public List<String> keyActions() {
        return List.of(GOAL, POWER_PLAY_GOAL, SHORT_HANDED_GOAL, SHOT_ON_GOAL, MISSED_SHOT, BLOCKED_SHOT, FACEOFF_WON,
                HIT, GIVEAWAY, TAKEAWAY, PENALTY);
    }
}
