package io.sideline.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The match owner's change of line-ups, type {@code "lineup"}, peer → host. Each origin it names gets the players
 * it lists; an origin named with an empty list loses its line-up; origins it does not name keep theirs. The host
 * takes it only from the match's owner and then sends every peer a new {@link Setup} with the line-ups.
 *
 * @param lineups the new line-ups of the origins named
 * @param cleared the origins whose line-ups are removed (named with an empty list)
 * @param ref     optional: an id the sender chooses, echoed in errors
 */
public record Lineup(Lineups lineups, Set<String> cleared, @Nullable String ref) implements Message {

    public static final String TYPE = "lineup";

    public Lineup {
        Objects.requireNonNull(lineups, "lineups");
        cleared = Set.copyOf(cleared);
    }

    /** A change of one origin's line-up: an empty list of players removes it. */
    public static Lineup of(String origin, List<Player> players, @Nullable String ref) {
        return players.isEmpty() ? new Lineup(Lineups.NONE, Set.of(origin), ref)
                : new Lineup(Lineups.NONE.with(origin, players), Set.of(), ref);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
