package io.sideline.statsbomb;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import io.sideline.protocol.Location;

import org.jspecify.annotations.Nullable;

/**
 * One event of a real match, mapped onto a football action.
 *
 * @param sourceId  the id of the StatsBomb event it comes from
 * @param title     the football action's label, for example "Goal"
 * @param origin    the team
 * @param player    the player, or {@code null}
 * @param period    the period, 1-based
 * @param clock     the match clock: time since kick-off of the match, as StatsBomb's minute and second
 * @param time      when it happened, as a wall-clock instant (kick-off plus the periods before)
 * @param location  where on the pitch, on Sideline's 0–100 × 0–100 pitch with the event's team attacking left to
 *                  right (StatsBomb's {@code location} scaled from its 120 × 80 pitch), or {@code null} when the
 *                  file gives none. Since 1.1.
 */
public record MatchEvent(String sourceId, String title, String origin, @Nullable String player, int period, Duration clock,
        Instant time, @Nullable Location location) {

    public MatchEvent {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(time, "time");
    }

    /** An event without a location. */
    public MatchEvent(String sourceId, String title, String origin, @Nullable String player, int period, Duration clock,
            Instant time) {
        this(sourceId, title, origin, player, period, clock, time, null);
    }

    /** @return the match minute as people say it: minute 52 second 12 is the 53rd minute */
    public int minute() {
        return (int) clock.toMinutes() + 1;
    }
}
