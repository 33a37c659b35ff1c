package io.sideline.sport.api;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Something a reporter may add to an action: who did it, what kind it was, where. A report carries it as a
 * qualifier (the player in the event's {@code player} field, others in its {@code qualifiers} map).
 *
 * @param id     a stable id, lower case, for example {@code "minutes"}; {@code "player"} is the player
 * @param label  what the reporter sees, for example "Penalty minutes"
 * @param values the values to choose from, in order; empty for free text (a player's name)
 */
public record Qualifier(String id, String label, List<String> values) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}"); // before PLAYER, which uses it

    /** the player who made the action, free text */
    public static final Qualifier PLAYER = new Qualifier("player", "Player", List.of());

    public Qualifier {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a qualifier id is lower case letters, digits, '.', '_' or '-': " + id);
        }
        Objects.requireNonNull(label, "label");
        values = List.copyOf(Objects.requireNonNull(values, "values"));
    }
}
