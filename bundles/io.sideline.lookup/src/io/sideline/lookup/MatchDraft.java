package io.sideline.lookup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a user sends to register a match; the user becomes its owner and host.
 *
 * @param name           what people call it
 * @param sport          the sport id
 * @param origins        the teams (two or more), home first
 * @param scheduledStart when it starts
 * @param quorum         when its host accepts a report
 * @param hostUrl        where peers reach the host: a {@code ws://} or {@code wss://} URL
 */
public record MatchDraft(String name, String sport, List<String> origins, Instant scheduledStart,
        QuorumPolicy quorum, String hostUrl) {

    public MatchDraft {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sport, "sport");
        origins = List.copyOf(origins);
        Objects.requireNonNull(scheduledStart, "scheduledStart");
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(hostUrl, "hostUrl");
    }
}
