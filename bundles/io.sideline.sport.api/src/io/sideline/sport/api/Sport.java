package io.sideline.sport.api;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

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
     * Labels of actions only one side can make at a moment, such as a goal in football or a period start: the vote
     * treats reports of such an action with different origins within its {@link SportAction#votingWindow() voting
     * window} as a conflict and keeps one (the first accepted, or the better supported). Every other action is never
     * in conflict: a foul and the retaliation, two shots at either end of a counter-attack are two events. Since
     * API 1.3.
     *
     * @return those labels; none by default
     */
    default Set<String> exclusiveActions() {
        return Set.of();
    }

    /**
     * Before API 1.3, the actions both sides could make at the same moment, all others conflicting.
     *
     * @return ignored: since API 1.3 actions never conflict unless {@link #exclusiveActions()} names them
     * @deprecated declare {@link #exclusiveActions()} instead
     */
    @Deprecated(since = "1.3", forRemoval = true)
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
     * The sides of a match unless its creator names others: for most sports {@code ["Home", "Away"]}.
     *
     * @return two or more origins, home first
     */
    default List<String> defaultOrigins() {
        return List.of("Home", "Away");
    }

    /** @return how many periods a match has in regulation: football 2, basketball 4, ice hockey 3; 1 by default */
    default int periods() {
        return 1;
    }

    /**
     * The length of a period on the match clock, for the clock a scoreboard shows: football's second half
     * starts at 45:00 however long the break was, basketball's overtime is 5 minutes. Periods after
     * {@link #periods()} are overtime.
     *
     * @param period the period, 1-based
     * @return its length, or {@code null} when the sport's clock simply runs from the start (the default)
     */
    default @Nullable Duration periodLength(int period) {
        return null;
    }

    /**
     * @param period the period, 1-based
     * @return its name for people: "1st half", "Q3", "OT"; by default "Period n"
     */
    default String periodName(int period) {
        return "Period " + period;
    }

    /**
     * The actions whose counts matter most, for the charts to show first: shots and goals rather than
     * throw-ins. Every action is counted; this only orders attention.
     *
     * @return labels, most important first; by default every action but period marks
     */
    default List<String> keyActions() {
        return actions().stream().filter(a -> !a.marksPeriod()).map(SportAction::label).toList();
    }

    /**
     * How much video a clip of an event shows before the moment it was reported at, when a timeline goes to a
     * video analysis tool (Hudl Sportscode's instances have a start and an end): a goal's clip should show the
     * build-up. Since API 1.1.
     *
     * @return the lead, not negative; 5 seconds by default
     */
    default Duration clipLead() {
        return Duration.ofSeconds(5);
    }

    /**
     * How much video a clip of an event shows after its moment. Since API 1.1.
     *
     * @return the lag, not negative; 5 seconds by default
     * @see #clipLead()
     */
    default Duration clipLag() {
        return Duration.ofSeconds(5);
    }

    /** @return the action with this label, or {@code null} */
    default @Nullable SportAction action(String label) {
        return actions().stream().filter(a -> a.label().equals(label)).findFirst().orElse(null);
    }
}
