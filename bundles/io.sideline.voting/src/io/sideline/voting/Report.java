package io.sideline.voting;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import io.sideline.protocol.Location;

import org.jspecify.annotations.Nullable;

/**
 * One peer's report that something happened.
 *
 * @param reporter   the identity that sent it (the user behind the join token)
 * @param title      the action, for example "Goal"
 * @param origin     who made it, usually a team
 * @param eventTime  when the reporter says it happened
 * @param receivedAt when the host received it
 * @param player     optional: the player
 * @param qualifiers optional details
 * @param location   optional: where on the pitch the reporter saw it
 * @param ref        optional: the reporter's own id of the report, which a decision about it names
 */
public record Report(String reporter, String title, String origin, Instant eventTime, Instant receivedAt,
        @Nullable String player, Map<String, String> qualifiers, @Nullable Location location, @Nullable String ref) {

    public Report {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(receivedAt, "receivedAt");
        qualifiers = qualifiers == null ? Map.of() : Map.copyOf(qualifiers);
    }

    /** A report without location and ref. */
    public Report(String reporter, String title, String origin, Instant eventTime, Instant receivedAt,
            @Nullable String player, Map<String, String> qualifiers) {
        this(reporter, title, origin, eventTime, receivedAt, player, qualifiers, null, null);
    }

    /** A report with only the original design's fields. */
    public Report(String reporter, String title, String origin, Instant eventTime, Instant receivedAt) {
        this(reporter, title, origin, eventTime, receivedAt, null, Map.of(), null, null);
    }
}
