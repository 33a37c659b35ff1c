package org.example.volleyball;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;

import io.sideline.sport.api.Qualifier;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;

/**
 * Volleyball, as a federation would add it: a Declarative Services component built only against Sideline's
 * published sport API. Rally scoring, best of five sets; the set and match logic stays with the scorer,
 * Sideline counts the points.
 */
@Component(service = Sport.class)
public final class Volleyball implements Sport {

    private static final List<SportAction> ACTIONS = List.of(
            new SportAction("point", "Point", "p", Duration.ofSeconds(8)),
            new SportAction("ace", "Ace", "a", Duration.ofSeconds(8)),
            new SportAction("kill", "Kill", "k", Duration.ofSeconds(8)),
            new SportAction("block", "Block", "b", Duration.ofSeconds(8)),
            new SportAction("service-error", "Service error", "e", Duration.ofSeconds(8)),
            new SportAction("attack-error", "Attack error", "x", Duration.ofSeconds(8)),
            new SportAction("dig", "Dig", "d", Duration.ofSeconds(8)),
            new SportAction("timeout", "Timeout", "t", Duration.ofSeconds(20), List.of()),
            new SportAction("substitution", "Substitution", "u", Duration.ofSeconds(20)),
            new SportAction(SportAction.PERIOD_START_ID, "Set start", "n", Duration.ofSeconds(60), List.of()),
            new SportAction(SportAction.PERIOD_END_ID, "Set end", "m", Duration.ofSeconds(60), List.of()));

    @Override
    public String id() {
        return "volleyball";
    }

    @Override
    public String name() {
        return "Volleyball";
    }

    @Override
    public List<SportAction> actions() {
        return ACTIONS;
    }

    /** a rally's point is what scores; aces, kills and blocks describe how it was won */
    @Override
    public int points(String actionLabel) {
        return "Point".equals(actionLabel) ? 1 : 0;
    }

    @Override
    public double momentumWeight(String actionLabel) {
        return switch (actionLabel) {
            case "Point", "Ace", "Kill", "Block" -> 2;
            case "Dig" -> 1;
            case "Service error", "Attack error" -> -1;
            default -> 0;
        };
    }

    /**
     * none: rallies can follow each other within a point's window, so two points for both teams are real, and both
     * teams' set marks are one set for the statistics. (A sport where only one side can do something at a moment,
     * football's goal, names it here: the vote then keeps one of two such reports by both sides.)
     */
    @Override
    public Set<String> exclusiveActions() {
        return Set.of();
    }

    @Override
    public int periods() {
        return 5;
    }

    @Override
    public String periodName(int period) {
        return "Set " + period;
    }

    @Override
    public List<String> keyActions() {
        return List.of("Point", "Ace", "Kill", "Block", "Dig", "Service error", "Attack error");
    }

    /** @return the qualifiers an action may carry; here only the player, as most sports */
    static List<Qualifier> qualifiers() {
        return List.of(Qualifier.PLAYER);
    }
}
