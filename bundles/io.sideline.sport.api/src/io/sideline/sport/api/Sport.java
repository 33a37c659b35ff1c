package io.sideline.sport.api;

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

    /** @return the action with this label, or {@code null} */
    default SportAction action(String label) {
        return actions().stream().filter(a -> a.label().equals(label)).findFirst().orElse(null);
    }
}
