package io.sideline.statsbomb;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.sideline.protocol.Location;
import io.sideline.sport.football.Football;

import org.jspecify.annotations.Nullable;

/**
 * A StatsBomb match file mapped onto football actions. The mapping (in {@link #map}) is the one place
 * that says which StatsBomb events are which football actions:
 * <ul>
 * <li>Shot with outcome Goal → Goal; Saved (or Saved to Post) → Shot on target; any other outcome → Shot off target</li>
 * <li>Own Goal Against → Own goal, by the team that conceded it</li>
 * <li>Goal Keeper, Shot Saved → Save</li>
 * <li>Pass of type Corner → Corner; of type Free Kick → Free kick; with outcome Pass Offside → Offside; Offside → Offside</li>
 * <li>Foul Committed → Foul, and Penalty when it gave one; its card (and Bad Behaviour's) → Yellow card, or Red card
 * for Red Card and Second Yellow</li>
 * <li>Substitution → Substitution</li>
 * <li>Half Start → Period start, Half End → Period end (StatsBomb records them once for each team)</li>
 * </ul>
 * Times: StatsBomb gives each event's time within its period. Wall-clock times count from the kick-off,
 * with a 15-minute break after each period.
 * <p>
 * Locations: StatsBomb's {@code location} is {@code [x, y]} on a 120 × 80 pitch, seen with the team of the event
 * attacking left to right, {@code y} from the left touchline; Sideline's {@link Location} is the same view on a
 * 0–100 × 0–100 pitch, so {@code x × 100 / 120} and {@code y × 100 / 80}, rounded to one decimal and kept within
 * 0–100. An event without a {@code location} (a half's start, a substitution) has none.
 *
 * @param home   the first team in the file
 * @param away   the other team
 * @param events the mapped events, in time order
 */
public record StatsBombMatch(String home, String away, List<MatchEvent> events) {

    /** the break between periods assumed for wall-clock times */
    public static final Duration BREAK = Duration.ofMinutes(15);

    public StatsBombMatch {
        events = List.copyOf(events);
    }

    /**
     * @param file    a StatsBomb events file (a JSON list of events)
     * @param kickOff the wall-clock time of the kick-off
     * @return the match
     * @throws IOException if the file cannot be read or is not a StatsBomb events file; the message names the
     *                     file and the event
     */
    public static StatsBombMatch read(Path file, Instant kickOff) throws IOException {
        JsonElement root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = JsonParser.parseReader(in);
        } catch (JsonParseException e) {
            throw new IOException(file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isJsonArray()) {
            throw new IOException(file + " is not a StatsBomb events file: it must be a JSON list of events");
        }
        JsonArray all = root.getAsJsonArray();
        LinkedHashSet<String> teams = new LinkedHashSet<>();
        Map<Integer, Duration> periodLength = new HashMap<>();
        for (int i = 0; i < all.size(); i++) {
            JsonObject e = object(file, i, all.get(i));
            teams.add(text(file, i, e, "team", "name"));
            int period = integer(file, i, e, "period", 1, 10);
            periodLength.merge(period, timestamp(file, i, e), (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
        if (teams.size() != 2) {
            throw new IOException(file + " names " + teams.size() + " teams; a match has two: " + teams);
        }
        List<String> sides = new ArrayList<>(teams);
        Map<Integer, Instant> periodStart = new HashMap<>();
        Instant start = kickOff;
        for (int p = 1; p <= periodLength.keySet().stream().max(Integer::compare).orElse(0); p++) {
            periodStart.put(p, start);
            start = start.plus(periodLength.getOrDefault(p, Duration.ZERO)).plus(BREAK);
        }
        List<MatchEvent> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            JsonObject e = all.get(i).getAsJsonObject();
            int period = integer(file, i, e, "period", 1, 10);
            Instant at = periodStart.get(period).plus(timestamp(file, i, e));
            Duration clock = Duration.ofMinutes(integer(file, i, e, "minute", 0, 1000))
                    .plusSeconds(integer(file, i, e, "second", 0, 59));
            String team = text(file, i, e, "team", "name");
            String player = e.has("player") ? text(file, i, e, "player", "name") : null;
            String id = e.has("id") && e.get("id").isJsonPrimitive() ? e.get("id").getAsString() : Integer.toString(i);
            List<String> titles;
            try {
                titles = map(e);
            } catch (RuntimeException x) {
                throw new IOException(file + ", event " + (i + 1) + ": its \"type\" or details are not as StatsBomb "
                        + "writes them (" + x.getMessage() + ")");
            }
            Location where = location(file, i, e);
            for (String title : titles) {
                out.add(new MatchEvent(id, title, team, player, period, clock, at, where));
            }
        }
        out.sort(Comparator.comparing(MatchEvent::time));
        return new StatsBombMatch(sides.get(0), sides.get(1), out);
    }

    /** @return the football actions one StatsBomb event stands for: none, one, or two (a foul and its card) */
    static List<String> map(JsonObject e) {
        String type = e.getAsJsonObject("type").get("name").getAsString();
        List<String> out = new ArrayList<>();
        switch (type) {
            case "Shot" -> {
                String outcome = name(e, "shot", "outcome");
                out.add("Goal".equals(outcome) ? Football.GOAL
                        : "Saved".equals(outcome) || "Saved to Post".equals(outcome) ? Football.SHOT_ON_TARGET
                        : Football.SHOT_OFF_TARGET);
            }
            case "Own Goal Against" -> out.add(Football.OWN_GOAL);
            case "Goal Keeper" -> {
                if ("Shot Saved".equals(name(e, "goalkeeper", "type"))) {
                    out.add(Football.SAVE);
                }
            }
            case "Pass" -> {
                String passType = name(e, "pass", "type");
                if ("Corner".equals(passType)) {
                    out.add(Football.CORNER);
                } else if ("Free Kick".equals(passType)) {
                    out.add(Football.FREE_KICK);
                }
                if ("Pass Offside".equals(name(e, "pass", "outcome"))) {
                    out.add(Football.OFFSIDE);
                }
            }
            case "Offside" -> out.add(Football.OFFSIDE);
            case "Foul Committed" -> {
                out.add(Football.FOUL);
                JsonObject foul = e.has("foul_committed") ? e.getAsJsonObject("foul_committed") : new JsonObject();
                if (foul.has("penalty") && foul.get("penalty").getAsBoolean()) {
                    out.add(Football.PENALTY);
                }
                addCard(out, name(e, "foul_committed", "card"));
            }
            case "Bad Behaviour" -> addCard(out, name(e, "bad_behaviour", "card"));
            case "Substitution" -> out.add(Football.SUBSTITUTION);
            case "Half Start" -> out.add(Football.PERIOD_START);
            case "Half End" -> out.add(Football.PERIOD_END);
            default -> {
                // not a football action Sideline reports
            }
        }
        return out;
    }

    private static void addCard(List<String> out, @Nullable String card) {
        if ("Yellow Card".equals(card)) {
            out.add(Football.YELLOW_CARD);
        } else if ("Red Card".equals(card) || "Second Yellow".equals(card)) {
            out.add(Football.RED_CARD);
        }
    }

    private static @Nullable String name(JsonObject e, String detail, String field) {
        if (!e.has(detail) || !e.get(detail).isJsonObject()) {
            return null;
        }
        JsonObject d = e.getAsJsonObject(detail);
        if (!d.has(field) || !d.get(field).isJsonObject()) {
            return null;
        }
        JsonElement n = d.getAsJsonObject(field).get("name");
        return n == null ? null : n.getAsString();
    }

    /** StatsBomb's pitch: 120 long, 80 wide */
    static final double LENGTH = 120;
    static final double WIDTH = 80;

    /** @return the event's {@code location} on Sideline's 0–100 pitch, or {@code null} when it has none */
    static @Nullable Location location(Path file, int i, JsonObject e) throws IOException {
        JsonElement l = e.get("location");
        if (l == null || l.isJsonNull()) {
            return null;
        }
        try {
            JsonArray xy = l.getAsJsonArray();
            return new Location(scale(xy.get(0).getAsDouble(), LENGTH), scale(xy.get(1).getAsDouble(), WIDTH));
        } catch (RuntimeException x) {
            throw new IOException(file + ", event " + (i + 1) + ": \"location\" is not a pair of numbers such as "
                    + "[113.6, 36.1]");
        }
    }

    private static double scale(double v, double size) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a number");
        }
        double scaled = Math.round(v * Location.MAX / size * 10) / 10.0;
        return Math.max(0, Math.min(Location.MAX, scaled));
    }

    private static JsonObject object(Path file, int i, JsonElement e) throws IOException {
        if (!e.isJsonObject()) {
            throw new IOException(file + ", event " + (i + 1) + ": not a JSON object");
        }
        JsonObject o = e.getAsJsonObject();
        for (String required : List.of("type", "team", "period", "timestamp", "minute", "second")) {
            if (!o.has(required)) {
                throw new IOException(file + ", event " + (i + 1) + ": has no \"" + required + "\"");
            }
        }
        return o;
    }

    private static String text(Path file, int i, JsonObject e, String object, String field) throws IOException {
        try {
            return e.getAsJsonObject(object).get(field).getAsString();
        } catch (RuntimeException x) {
            throw new IOException(file + ", event " + (i + 1) + ": \"" + object + "." + field + "\" is missing or not text");
        }
    }

    private static int integer(Path file, int i, JsonObject e, String field, int min, int max) throws IOException {
        try {
            int v = e.get(field).getAsInt();
            if (v >= min && v <= max) {
                return v;
            }
        } catch (RuntimeException x) {
            // reported below
        }
        throw new IOException(file + ", event " + (i + 1) + ": \"" + field + "\" is not a whole number from " + min
                + " to " + max);
    }

    private static Duration timestamp(Path file, int i, JsonObject e) throws IOException {
        try {
            LocalTime t = LocalTime.parse(e.get("timestamp").getAsString());
            return Duration.ofNanos(t.toNanoOfDay());
        } catch (RuntimeException x) {
            throw new IOException(file + ", event " + (i + 1) + ": \"timestamp\" is not a time such as 00:12:34.567");
        }
    }
}
