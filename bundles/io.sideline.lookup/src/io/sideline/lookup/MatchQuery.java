package io.sideline.lookup;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A search for matches. Every criterion is optional ({@code null}); all given ones must hold.
 *
 * @param text  words in the name, a team or the sport, case-insensitive
 * @param sport the sport id, exactly
 * @param date  the day of the scheduled start, in UTC
 * @param state the state now
 * @param page  the page, from 0
 * @param size  matches per page, 1 to {@value #MAX_SIZE}
 */
public record MatchQuery(@Nullable String text, @Nullable String sport, @Nullable LocalDate date,
        @Nullable MatchState state, int page, int size) {

    /** the default page size */
    public static final int DEFAULT_SIZE = 20;
    /** the largest page size */
    public static final int MAX_SIZE = 100;

    public MatchQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
    }

    /** @return a query for words in the name, teams or sport, first page */
    public static MatchQuery text(String text) {
        return new MatchQuery(text, null, null, null, 0, DEFAULT_SIZE);
    }

    /** @return every match, first page */
    public static MatchQuery all() {
        return new MatchQuery(null, null, null, null, 0, DEFAULT_SIZE);
    }
}
