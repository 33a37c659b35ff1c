package io.sideline.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The line-ups of a match: per origin (team), its players in order. Carried by {@link Setup#lineups()} and
 * {@link Lineup}; empty when the match has none. Immutable: the {@code with} methods return new line-ups.
 *
 * @param teams the players of each origin, in the order the origins were given; an origin without players is
 *              left out
 */
public record Lineups(Map<String, List<Player>> teams) {

    /** no line-ups */
    public static final Lineups NONE = new Lineups(Map.of());
    /** the most players of one origin's line-up: a squad with every substitute fits */
    public static final int MAX_PLAYERS = 60;
    /** the longest player name, in characters */
    public static final int MAX_NAME_LENGTH = 100;
    /** the longest position, in characters */
    public static final int MAX_POSITION_LENGTH = 40;
    /** the highest shirt number */
    public static final int MAX_NUMBER = 999;

    private static final Pattern NUMBER_REFERENCE = Pattern.compile("#?\\s*(\\d{1,3})(?:\\s+.*)?");

    public Lineups {
        Map<String, List<Player>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(teams, "teams").forEach((origin, players) -> {
            if (!players.isEmpty()) {
                copy.put(Objects.requireNonNull(origin, "origin"), List.copyOf(players));
            }
        });
        teams = Collections.unmodifiableMap(copy);
    }

    /** @return whether no origin has players */
    public boolean isEmpty() {
        return teams.isEmpty();
    }

    /** @return the players of an origin, in order; empty when it has no line-up */
    public List<Player> players(String origin) {
        return teams.getOrDefault(origin, List.of());
    }

    /** @return the player of this origin who wears this number */
    public Optional<Player> player(String origin, int number) {
        return players(origin).stream().filter(p -> p.number() == number).findFirst();
    }

    /**
     * Finds a player the way a report names one: by name (letter case and surrounding spaces do not matter), or by
     * shirt number ("9", "#9", or "#9 Ciro Immobile").
     *
     * @return the player of this origin the reference names
     */
    public Optional<Player> find(String origin, @Nullable String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        String wanted = reference.strip().toLowerCase(Locale.ROOT);
        for (Player p : players(origin)) {
            if (p.name().strip().toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(p);
            }
        }
        Matcher m = NUMBER_REFERENCE.matcher(reference.strip());
        return m.matches() ? player(origin, Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /** @return these line-ups with this origin's players replaced (an empty list removes its line-up) */
    public Lineups with(String origin, List<Player> players) {
        Map<String, List<Player>> copy = new LinkedHashMap<>(teams);
        if (players.isEmpty()) {
            copy.remove(origin);
        } else {
            copy.put(origin, players);
        }
        return new Lineups(copy);
    }

    /**
     * @param update line-ups of some origins
     * @return these line-ups with each origin the update names replaced by the update's players; an update of an
     *         origin to no players removes its line-up
     */
    public Lineups with(Lineups update, Set<String> cleared) {
        Map<String, List<Player>> copy = new LinkedHashMap<>(teams);
        cleared.forEach(copy::remove);
        copy.putAll(update.teams());
        return new Lineups(copy);
    }

    /** @return these line-ups with the player of this origin and number on the pitch ({@code true}) or off it */
    public Lineups withOn(String origin, int number, boolean on) {
        List<Player> players = new ArrayList<>(players(origin));
        players.replaceAll(p -> p.number() == number ? p.withOn(on) : p);
        return with(origin, players);
    }

    /**
     * Checks the limits of {@code docs/protocol.md}: at most {@link #MAX_PLAYERS} players per origin, numbers from 0
     * to {@link #MAX_NUMBER} and each once per origin, names and positions not blank, without control characters and
     * within their lengths; origin names texts of at most {@code maxTextLength}.
     *
     * @param path          the JSON path of the line-ups, for the message ({@code "lineups"})
     * @param maxTextLength the longest origin name
     * @throws ProtocolException naming the first offending field
     */
    public void check(String path, int maxTextLength) throws ProtocolException {
        for (Map.Entry<String, List<Player>> team : teams.entrySet()) {
            String origin = team.getKey();
            String at = path + "." + origin;
            text(path, "an origin name", origin, maxTextLength);
            List<Player> players = team.getValue();
            if (players.size() > MAX_PLAYERS) {
                throw new ProtocolException(ProtocolError.TOO_LONG, at, "the line-up of " + origin + " has "
                        + players.size() + " players; a line-up has at most " + MAX_PLAYERS);
            }
            Set<Integer> numbers = new HashSet<>();
            for (int i = 0; i < players.size(); i++) {
                Player p = players.get(i);
                String item = at + "[" + i + "]";
                if (p.number() < 0 || p.number() > MAX_NUMBER) {
                    throw new ProtocolException(ProtocolError.OUT_OF_RANGE, item + ".number", "\"" + item
                            + ".number\" is " + p.number() + "; a shirt number is from 0 to " + MAX_NUMBER);
                }
                if (!numbers.add(p.number())) {
                    throw new ProtocolException(ProtocolError.INVALID_VALUE, item + ".number", "two players of "
                            + origin + " wear number " + p.number() + "; a shirt number is worn once per team");
                }
                text(item + ".name", "\"" + item + ".name\"", p.name(), MAX_NAME_LENGTH);
                String position = p.position();
                if (position != null) {
                    text(item + ".position", "\"" + item + ".position\"", position, MAX_POSITION_LENGTH);
                }
            }
        }
    }

    private static void text(String field, String what, String value, int max) throws ProtocolException {
        if (value.isBlank()) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, field, what + " must not be blank");
        }
        if (value.length() > max) {
            throw new ProtocolException(ProtocolError.TOO_LONG, field, what + " is " + value.length()
                    + " characters long; the limit is " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ProtocolException(ProtocolError.INVALID_VALUE, field, what
                        + " contains a control character at position " + (i + 1));
            }
        }
    }
}
