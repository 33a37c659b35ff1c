package io.sideline.protocol;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a host sends a peer first: the origins and the actions that can be reported, type
 * {@code "setup"}. The first two fields are the original design's; the rest are optional extensions.
 *
 * @param origins the origins, usually the teams, home first (seed field {@code origins})
 * @param actions the titles of the events that can be reported (seed field {@code actions})
 * @param matchId optional: the lookup server's id of the match
 * @param name    optional: the match's display name
 * @param sport   optional: the sport id, for example {@code "football"}
 * @param lastSeq optional: the sequence number of the newest accepted event the host holds (0 for
 *                none); the catch-up that follows ends there
 * @param lineups optional: the players of each origin ({@link Lineups#NONE} when none, and then not written). A
 *                host sends the setup again, during the connection, whenever the line-ups change
 */
public record Setup(List<String> origins, List<String> actions, @Nullable String matchId, @Nullable String name,
        @Nullable String sport, @Nullable Long lastSeq, Lineups lineups) implements Message {

    public static final String TYPE = "setup";

    public Setup {
        origins = List.copyOf(Objects.requireNonNull(origins, "origins"));
        actions = List.copyOf(Objects.requireNonNull(actions, "actions"));
        Objects.requireNonNull(lineups, "lineups");
    }

    /** A setup without line-ups: the components of version 1.2 of this record. */
    public Setup(List<String> origins, List<String> actions, @Nullable String matchId, @Nullable String name,
            @Nullable String sport, @Nullable Long lastSeq) {
        this(origins, actions, matchId, name, sport, lastSeq, Lineups.NONE);
    }

    /** @return this setup with other line-ups */
    public Setup withLineups(Lineups value) {
        return new Setup(origins, actions, matchId, name, sport, lastSeq, value);
    }

    /** @return this setup with another {@link #lastSeq()} */
    public Setup withLastSeq(@Nullable Long value) {
        return new Setup(origins, actions, matchId, name, sport, value, lineups);
    }

    /** The original design's setup: origins and actions. */
    public Setup(List<String> origins, List<String> actions) {
        this(origins, actions, null, null, null, null);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
