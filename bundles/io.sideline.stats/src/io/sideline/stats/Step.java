package io.sideline.stats;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a cumulative count over match time: from {@code matchTime} on, until the next step, the count
 * is {@code count}.
 *
 * @param matchTime the time since the start of the match at which the count changes
 * @param count     the count from that time on
 */
public record Step(Duration matchTime, int count) {

    /**
     * @param matchTime the time since the start of the match, not {@code null}
     * @param count     the count from that time on, not negative
     */
    public Step {
        Objects.requireNonNull(matchTime, "matchTime");
        if (count < 0) {
            throw new IllegalArgumentException("a count is not negative: " + count);
        }
    }
}
