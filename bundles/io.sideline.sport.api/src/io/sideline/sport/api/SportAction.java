package io.sideline.sport.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One thing that can happen in a sport and be reported.
 * <p>
 * Two ids mean the same in every sport: {@value #PERIOD_START_ID} and {@value #PERIOD_END_ID} mark the start
 * and the end of a period. The match clock and the per-period statistics find a match's periods by them, and
 * they are bookkeeping rather than play ({@link #marksPeriod()}).
 *
 * @param id           a stable id, lower case, for example {@code "goal"}
 * @param label        what peers see and send as the report's title, for example {@code "Goal"}
 * @param hotkey       the default key of its palette button, one character, or {@code null}
 * @param votingWindow how far apart two peers' times of the same event may be and still be one candidate
 * @param qualifiers   what a reporter may add to it, such as the player or the penalty's minutes
 */
public record SportAction(String id, String label, @Nullable String hotkey, Duration votingWindow,
        List<Qualifier> qualifiers) {

    /** the id of the action that starts a period, in every sport. Since API 1.2. */
    public static final String PERIOD_START_ID = "period-start";

    /** the id of the action that ends a period, in every sport. Since API 1.2. */
    public static final String PERIOD_END_ID = "period-end";

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

    /**
     * @return whether this action starts or ends a period (its id is {@value #PERIOD_START_ID} or
     *         {@value #PERIOD_END_ID}). Since API 1.2.
     */
    public boolean marksPeriod() {
        return id.equals(PERIOD_START_ID) || id.equals(PERIOD_END_ID);
    }
}
