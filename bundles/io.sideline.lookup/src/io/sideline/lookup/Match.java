package io.sideline.lookup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A match registered with the lookup server: the original design's "event".
 *
 * @param id             its id, chosen by the server
 * @param name           what people call it, for example "Turkey – Italy, Euro 2020"
 * @param sport          the sport id, for example {@code "football"}
 * @param origins        who can make events: the teams, home first
 * @param scheduledStart when it starts
 * @param quorum         when its host accepts a report
 * @param hostUrl        the WebSocket URL of its host
 * @param owner          the user who created it, who is also its host
 * @param state          where it stands now
 * @param createdAt      when it was registered
 * @param lastHeartbeat  when its host last said it was alive
 */
public record Match(String id, String name, String sport, List<String> origins, Instant scheduledStart,
        QuorumPolicy quorum, String hostUrl, String owner, MatchState state, Instant createdAt,
        Instant lastHeartbeat) {

    public Match {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sport, "sport");
        origins = List.copyOf(origins);
        Objects.requireNonNull(scheduledStart, "scheduledStart");
        Objects.requireNonNull(quorum, "quorum");
        Objects.requireNonNull(hostUrl, "hostUrl");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastHeartbeat, "lastHeartbeat");
    }
}
