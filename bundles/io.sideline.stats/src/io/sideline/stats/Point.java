package io.sideline.stats;

import java.time.Duration;
import java.util.Objects;

/**
 * One sample of a series over match time, such as a momentum value.
 *
 * @param matchTime the time since the start of the match (see {@link MatchStats#matchTime(java.time.Instant)})
 * @param value     the value at that time
 */
public record Point(Duration matchTime, double value) {

    /**
     * @param matchTime the time since the start of the match, not {@code null}
     * @param value     the value at that time
     */
    public Point {
        Objects.requireNonNull(matchTime, "matchTime");
    }
}
