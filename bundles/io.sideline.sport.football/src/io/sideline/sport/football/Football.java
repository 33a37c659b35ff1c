package io.sideline.sport.football;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.osgi.service.component.annotations.Component;

import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;

/**
 * Association football, with the actions analysts code live (after StatsBomb's and Opta's event types).
 * The labels are the titles peers report; {@link #GOAL} and the other constants name them for code that
 * maps other data (StatsBomb files, the replay) onto football.
 */
@Component(service = Sport.class)
public final class Football implements Sport {

    /** the sport id */
    public static final String ID = "football";

    public static final String GOAL = "Goal";
    public static final String OWN_GOAL = "Own goal";
    public static final String SHOT_ON_TARGET = "Shot on target";
    public static final String SHOT_OFF_TARGET = "Shot off target";
    public static final String SAVE = "Save";
    public static final String CORNER = "Corner";
    public static final String FREE_KICK = "Free kick";
    public static final String PENALTY = "Penalty";
    public static final String FOUL = "Foul";
    public static final String YELLOW_CARD = "Yellow card";
    public static final String RED_CARD = "Red card";
    public static final String OFFSIDE = "Offside";
    public static final String SUBSTITUTION = "Substitution";
    public static final String PERIOD_START = "Period start";
    public static final String PERIOD_END = "Period end";

    /**
     * actions only one team can make within their voting window: two goals (or own goals, or penalties) by both
     * teams within a minute cannot both be true. Everything else (a foul and the retaliation, shots at either end of
     * a counter, a scuffle's cards, both teams' half-time substitutions) is never in conflict. Period marks are not
     * exclusive either: data providers record a period's start for each team (StatsBomb's "Half Start"), and the
     * statistics take the marks of both teams within the window as one period.
     */
    public static final Set<String> EXCLUSIVE = Set.of(GOAL, OWN_GOAL, PENALTY);

    private static final List<SportAction> ACTIONS = List.of(
            new SportAction("goal", GOAL, "g", Duration.ofSeconds(60)),
            new SportAction("own-goal", OWN_GOAL, "o", Duration.ofSeconds(60)),
            new SportAction("shot-on-target", SHOT_ON_TARGET, "s", Duration.ofSeconds(10)),
            new SportAction("shot-off-target", SHOT_OFF_TARGET, "x", Duration.ofSeconds(10)),
            new SportAction("save", SAVE, "v", Duration.ofSeconds(10)),
            new SportAction("corner", CORNER, "c", Duration.ofSeconds(20)),
            new SportAction("free-kick", FREE_KICK, "k", Duration.ofSeconds(20)),
            new SportAction("penalty", PENALTY, "p", Duration.ofSeconds(60)),
            new SportAction("foul", FOUL, "f", Duration.ofSeconds(15)),
            new SportAction("yellow-card", YELLOW_CARD, "y", Duration.ofSeconds(30)),
            new SportAction("red-card", RED_CARD, "r", Duration.ofSeconds(30)),
            new SportAction("offside", OFFSIDE, "i", Duration.ofSeconds(15)),
            new SportAction("substitution", SUBSTITUTION, "u", Duration.ofSeconds(30)),
            new SportAction(SportAction.PERIOD_START_ID, PERIOD_START, "b", Duration.ofSeconds(120)),
            new SportAction(SportAction.PERIOD_END_ID, PERIOD_END, "e", Duration.ofSeconds(120)));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "Football";
    }

    @Override
    public List<SportAction> actions() {
        return ACTIONS;
    }

    @Override
    public Set<String> exclusiveActions() {
        return EXCLUSIVE;
    }

    private static final Map<String, Double> MOMENTUM = Map.ofEntries(Map.entry(GOAL, 6.0), Map.entry(OWN_GOAL, -3.0),
            Map.entry(SHOT_ON_TARGET, 3.0), Map.entry(SHOT_OFF_TARGET, 2.0), Map.entry(SAVE, 1.0),
            Map.entry(CORNER, 1.5), Map.entry(FREE_KICK, 0.5), Map.entry(PENALTY, 4.0), Map.entry(FOUL, -0.5),
            Map.entry(YELLOW_CARD, -1.0), Map.entry(RED_CARD, -3.0), Map.entry(OFFSIDE, 0.5),
            Map.entry(SUBSTITUTION, 0.0), Map.entry(PERIOD_START, 0.0), Map.entry(PERIOD_END, 0.0));

    @Override
    public int periods() {
        return 2;
    }

    /** two halves of 45 minutes; extra time's two halves are 15, and the clock runs on from 90:00 */
    @Override
    public @Nullable Duration periodLength(int period) {
        return Duration.ofMinutes(period <= 2 ? 45 : 15);
    }

    /** a clip of a goal or a shot shows the attack that led to it: 10 seconds before, 5 after */
    @Override
    public Duration clipLead() {
        return Duration.ofSeconds(10);
    }

    @Override
    public Duration clipLag() {
        return Duration.ofSeconds(5);
    }

    @Override
    public String periodName(int period) {
        return switch (period) {
            case 1 -> "1st half";
            case 2 -> "2nd half";
            case 3 -> "Extra time, 1st half";
            case 4 -> "Extra time, 2nd half";
            default -> "Penalty shoot-out";
        };
    }

    @Override
    public List<String> keyActions() {
        return List.of(GOAL, SHOT_ON_TARGET, SHOT_OFF_TARGET, CORNER, FOUL, YELLOW_CARD, RED_CARD, OFFSIDE, SAVE,
                FREE_KICK, PENALTY, OWN_GOAL, SUBSTITUTION);
    }

    @Override
    public int points(String actionLabel) {
        return GOAL.equals(actionLabel) || OWN_GOAL.equals(actionLabel) ? 1 : 0;
    }

    /** an own goal is credited to the team of the player who put it in his own net; the point is the other side's */
    @Override
    public boolean pointsToOpponent(String actionLabel) {
        return OWN_GOAL.equals(actionLabel);
    }

    /**
     * Attacking actions push momentum to their side, most for goals and shots; fouls and cards count a
     * little against the side that made them; substitutions and period marks say nothing.
     */
    @Override
    public double momentumWeight(String actionLabel) {
        return MOMENTUM.getOrDefault(actionLabel, 1.0);
    }
}
