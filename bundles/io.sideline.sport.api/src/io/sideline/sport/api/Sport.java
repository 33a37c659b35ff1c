package io.sideline.sport.api;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A sport. Register an implementation as an OSGi service (a Declarative Services component) to add a
 * sport to Sideline.
 */
public interface Sport {

    /** @return the sport's id, lower case, for example {@code "football"}; unique among installed sports */
    String id();

    /** @return its name for people, for example "Football" */
    String name();

    /** @return the actions peers can report, in the order the palette shows them */
    List<SportAction> actions();

    /**
     * Labels of actions both sides can make at the same moment, such as a substitution by each team at
     * half-time: reports of these with different origins are two events, not a conflict the vote settles.
     *
     * @return those labels; none by default
     */
    default Set<String> concurrentActions() {
        return Set.of();
    }

    /**
     * How the score follows from an action: the points it scores, 0 for most actions. The points go to the
     * action's origin, or to the other side when {@link #pointsToOpponent(String)} says so.
     *
     * @param actionLabel an action's label
     * @return its points; 0 by default
     */
    default int points(String actionLabel) {
        return 0;
    }

    /**
     * @param actionLabel an action's label
     * @return whether its points go to the other side, as an own goal's do; {@code false} by default
     */
    default boolean pointsToOpponent(String actionLabel) {
        return false;
    }

    /**
     * How much an action says about which side is on top, for the momentum chart: a goal more than a shot,
     * a shot more than a throw-in, bookkeeping (period start and end) nothing. Negative weights count
     * against the action's origin (a foul, a turnover).
     *
     * @param actionLabel an action's label
     * @return its weight; 1 by default
     */
    default double momentumWeight(String actionLabel) {
        return 1;
    }

    /**
     * The regular length of a period, for the match clock: football's second half starts at 45:00 however
     * long the break was. {@code null} when the clock simply runs from the start of the match.
     *
     * @return the length of a period; {@code null} by default
     */
    default Duration periodLength() {
        return null;
    }

    /** @return the action with this label, or {@code null} */
    default SportAction action(String label) {
        return actions().stream().filter(a -> a.label().equals(label)).findFirst().orElse(null);
    }
}
