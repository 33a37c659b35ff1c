package io.sideline.sport.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One thing that can happen in a sport and be reported.
 *
 * @param id           a stable id, lower case, for example {@code "goal"}
 * @param label        what peers see and send as the report's title, for example {@code "Goal"}
 * @param hotkey       the default key of its palette button, one character, or {@code null}
 * @param votingWindow how far apart two peers' times of the same event may be and still be one candidate
 * @param qualifiers   what a reporter may add to it, such as the player or the penalty's minutes
 */
public record SportAction(String id, String label, @Nullable String hotkey, Duration votingWindow,
        List<Qualifier> qualifiers) {

    /** An action whose only qualifier is the player. */
    public SportAction(String id, String label, @Nullable String hotkey, Duration votingWindow) {
        this(id, label, hotkey, votingWindow, List.of(Qualifier.PLAYER));
    }

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");

    public SportAction {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("an action id is lower case letters, digits, '.', '_' or '-': " + id);
        }
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(votingWindow, "votingWindow");
        qualifiers = List.copyOf(Objects.requireNonNull(qualifiers, "qualifiers"));
        if (votingWindow.isNegative() || votingWindow.isZero()) {
            throw new IllegalArgumentException("the voting window of " + id + " must be positive");
        }
    }
}
