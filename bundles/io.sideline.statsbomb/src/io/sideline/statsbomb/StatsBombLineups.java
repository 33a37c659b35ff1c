package io.sideline.statsbomb;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.sideline.protocol.Lineups;
import io.sideline.protocol.Player;

import org.jspecify.annotations.Nullable;

/**
 * A StatsBomb line-ups file as the teams' line-ups at kick-off. The file is StatsBomb's published format: a JSON
 * list of teams, each {@code {team_id, team_name, lineup: [player…]}}, each player {@code {player_id, player_name,
 * player_nickname, jersey_number, country, cards, positions: [{position, from, to, from_period, to_period,
 * start_reason, end_reason}]}}.
 * <ul>
 * <li>the name is {@code player_name}, the name StatsBomb's events files use (so a replay's reports name the same
 * players); {@code player_nickname} may be absent or null</li>
 * <li>a player starts when one of their positions has the {@code start_reason} "Starting XI"; the position is that
 * one, or for a substitute the first they played; none for a player who did not play</li>
 * <li>a player without a usable {@code jersey_number} (null, absent, not a whole number from 0 to 999, or one a
 * team-mate wears already) is left out, and {@link #warnings()} says so</li>
 * </ul>
 *
 * @param lineups  the line-ups, in the file's order of teams; every player on the pitch as at kick-off
 * @param warnings what was left out or shortened, one sentence each
 */
public record StatsBombLineups(Lineups lineups, List<String> warnings) {

    /** what StatsBomb writes as the {@code start_reason} of a starter's first position */
    public static final String STARTING_XI = "Starting XI";

    public StatsBombLineups {
        warnings = List.copyOf(warnings);
    }

    /**
     * @param eventsFile a StatsBomb events file, such as {@code 3788741_events.json}
     * @return the line-ups file StatsBomb publishes beside it ({@code 3788741_lineups.json}), when there is one
     */
    public static Optional<Path> beside(Path eventsFile) {
        String name = eventsFile.getFileName().toString();
        if (!name.endsWith("_events.json")) {
            return Optional.empty();
        }
        Path lineups = eventsFile.resolveSibling(name.substring(0, name.length() - "_events.json".length())
                + "_lineups.json");
        return Files.isRegularFile(lineups) ? Optional.of(lineups) : Optional.empty();
    }

    /**
     * @param file a StatsBomb line-ups file
     * @return its teams' line-ups at kick-off
     * @throws IOException if the file cannot be read or is not a StatsBomb line-ups file; the message names the file
     *                     and the team or player
     */
    public static StatsBombLineups read(Path file) throws IOException {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new IOException(file.getFileName() + " is not a StatsBomb line-ups file: it is not valid JSON", e);
        }
        if (!root.isJsonArray()) {
            throw new IOException(file.getFileName() + " is not a StatsBomb line-ups file: it must be a list of teams,"
                    + " each with a team_name and a lineup");
        }
        Map<String, List<Player>> teams = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        JsonArray all = root.getAsJsonArray();
        for (int t = 0; t < all.size(); t++) {
            JsonObject team = all.get(t).isJsonObject() ? all.get(t).getAsJsonObject() : null;
            String teamName = team == null ? null : text(team, "team_name");
            JsonElement lineup = team == null ? null : team.get("lineup");
            if (teamName == null || lineup == null || !lineup.isJsonArray()) {
                throw new IOException(file.getFileName() + " is not a StatsBomb line-ups file: team " + (t + 1)
                        + " has no team_name or no lineup list");
            }
            if (teams.containsKey(teamName)) {
                throw new IOException(file.getFileName() + " names " + teamName + " twice");
            }
            teams.put(teamName, players(file, teamName, lineup.getAsJsonArray(), warnings));
        }
        return new StatsBombLineups(new Lineups(teams), warnings);
    }

    private static List<Player> players(Path file, String team, JsonArray lineup, List<String> warnings)
            throws IOException {
        List<Player> players = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < lineup.size(); i++) {
            if (!lineup.get(i).isJsonObject()) {
                throw new IOException(file.getFileName() + ": player " + (i + 1) + " of " + team + " is not an object");
            }
            JsonObject p = lineup.get(i).getAsJsonObject();
            String name = text(p, "player_name");
            if (name == null) {
                throw new IOException(file.getFileName() + ": player " + (i + 1) + " of " + team + " has no player_name");
            }
            if (name.length() > Lineups.MAX_NAME_LENGTH) {
                warnings.add(team + ": the name " + name.substring(0, 20) + "… is longer than "
                        + Lineups.MAX_NAME_LENGTH + " characters and was shortened");
                name = name.substring(0, Lineups.MAX_NAME_LENGTH - 1) + "…";
            }
            Integer number = number(p.get("jersey_number"));
            if (number == null) {
                warnings.add(team + ": " + name + " has no shirt number (jersey_number) and was left out");
                continue;
            }
            if (!numbers.add(number)) {
                warnings.add(team + ": " + name + " wears number " + number
                        + ", as a team-mate listed before does, and was left out");
                continue;
            }
            if (players.size() == Lineups.MAX_PLAYERS) {
                warnings.add(team + ": more than " + Lineups.MAX_PLAYERS + " players; " + name + " and those after were"
                        + " left out");
                break;
            }
            boolean starting = false;
            String position = null;
            JsonElement positions = p.get("positions");
            if (positions != null && positions.isJsonArray()) {
                for (JsonElement e : positions.getAsJsonArray()) {
                    if (!e.isJsonObject()) {
                        continue;
                    }
                    JsonObject at = e.getAsJsonObject();
                    String where = text(at, "position");
                    if (STARTING_XI.equals(text(at, "start_reason"))) {
                        starting = true;
                        position = where;
                    } else if (position == null) {
                        position = where;
                    }
                }
            }
            if (position != null && position.length() > Lineups.MAX_POSITION_LENGTH) {
                position = position.substring(0, Lineups.MAX_POSITION_LENGTH);
            }
            players.add(new Player(number, name, position, starting));
        }
        return players;
    }

    /** @return the shirt number, or {@code null} when it is absent, null, not whole or out of range */
    private static @Nullable Integer number(@Nullable JsonElement e) {
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        double d = e.getAsDouble();
        if (d != Math.rint(d) || d < 0 || d > Lineups.MAX_NUMBER) {
            return null;
        }
        return (int) d;
    }

    /** @return a non-blank string field without control characters, or {@code null} */
    private static @Nullable String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            return null;
        }
        String s = e.getAsString().replaceAll("\\p{Cntrl}", " ").strip();
        return s.isEmpty() ? null : s;
    }
}
