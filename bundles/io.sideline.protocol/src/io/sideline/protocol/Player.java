package io.sideline.protocol;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One player of a team's line-up (see {@link Lineups}): an entry of {@code setup.lineups}.
 *
 * @param number   the shirt number, 0 to {@link Lineups#MAX_NUMBER}; unique within the team
 * @param name     the player's name as the feed shows it, at most {@link Lineups#MAX_NAME_LENGTH} characters
 * @param position optional: the position, for example "Left Center Back", at most
 *                 {@link Lineups#MAX_POSITION_LENGTH} characters
 * @param starting whether the player started the match (else a substitute)
 * @param on       whether the player is on the pitch now
 */
public record Player(int number, String name, @Nullable String position, boolean starting, boolean on) {

    public Player {
        Objects.requireNonNull(name, "name");
    }

    /** A player at kick-off: on the pitch when starting, on the bench otherwise. */
    public Player(int number, String name, @Nullable String position, boolean starting) {
        this(number, name, position, starting, starting);
    }

    /** @return this player on the pitch ({@code true}) or off it */
    public Player withOn(boolean value) {
        return new Player(number, name, position, starting, value);
    }

    /** @return the player as an analyst names them: "#9 Ciro Immobile" */
    public String label() {
        return "#" + number + " " + name;
    }
}
