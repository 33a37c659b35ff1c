package io.sideline.protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a match: the {@code event} object of the original design.
 *
 * @param title      the action, for example {@code "Goal"} (seed field {@code title})
 * @param origin     who made it, usually a team (seed field {@code origin})
 * @param time       when it took place, which may be earlier than when it was sent (seed field {@code time})
 * @param player     optional: the player it is credited to
 * @param period     optional: the period of play (1-based), when the reporter knows it
 * @param clockMillis optional: the match clock in milliseconds, when the reporter knows it
 * @param qualifiers optional details such as a shot's outcome or a card's colour, in their order; empty if none
 * @param location   optional: where on the pitch it took place. Since protocol 1.3.
 */
public record TimelineEvent(String title, String origin, Instant time, @Nullable String player,
        @Nullable Integer period, @Nullable Long clockMillis, Map<String, String> qualifiers,
        @Nullable Location location) {

    public TimelineEvent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(time, "time");
        // insertion order is kept, so a message is written the same way every time
        qualifiers = qualifiers == null || qualifiers.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(qualifiers));
    }

    /** An event without a location. */
    public TimelineEvent(String title, String origin, Instant time, @Nullable String player, @Nullable Integer period,
            @Nullable Long clockMillis, Map<String, String> qualifiers) {
        this(title, origin, time, player, period, clockMillis, qualifiers, null);
    }

    /** The original design's event: title, origin and time only. */
    public TimelineEvent(String title, String origin, Instant time) {
        this(title, origin, time, null, null, null, Map.of(), null);
    }

    /** @return a copy of this event with another player */
    public TimelineEvent withPlayer(@Nullable String newPlayer) {
        return new TimelineEvent(title, origin, time, newPlayer, period, clockMillis, qualifiers, location);
    }

    /** @return a copy of this event with another location. Since protocol 1.3. */
    public TimelineEvent withLocation(@Nullable Location newLocation) {
        return new TimelineEvent(title, origin, time, player, period, clockMillis, qualifiers, newLocation);
    }
}
