package io.sideline.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.sideline.protocol.json.JsonFields;
import io.sideline.protocol.json.StrictJson;

import org.jspecify.annotations.Nullable;

/**
 * Reads and writes protocol messages. Thread-safe and stateless apart from its limits: share one.
 * <p>
 * {@link #decode(String)} accepts exactly what {@code docs/protocol.md} describes and refuses anything
 * else with a {@link ProtocolException}; it never throws anything else for any input. Fields it does not
 * know are ignored, so newer peers can add fields without breaking older hosts.
 */
public final class ProtocolCodec {

    /** The names of the message types this codec reads, in the order the reference lists them. */
    public static final List<String> TYPES = List.of(EventReport.TYPE, Setup.TYPE, Hello.TYPE, Accepted.TYPE,
            Correction.TYPE, ErrorMessage.TYPE, Heartbeat.TYPE, Lineup.TYPE);

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final long MAX_SEQ = Long.MAX_VALUE / 2;
    private static final ProtocolCodec STANDARD = new ProtocolCodec(ProtocolLimits.STANDARD);

    private final ProtocolLimits limits;

    /** @param limits the limits to enforce */
    public ProtocolCodec(ProtocolLimits limits) {
        this.limits = limits;
    }

    /** @return a codec with {@link ProtocolLimits#STANDARD} */
    public static ProtocolCodec standard() {
        return STANDARD;
    }

    /** @return the limits this codec enforces */
    public ProtocolLimits limits() {
        return limits;
    }

    // ------------------------------------------------------------------------------------------ decode

    /**
     * @param json one message
     * @return the message
     * @throws ProtocolException if the text is not a valid message; its message says why
     */
    public Message decode(String json) throws ProtocolException {
        return decode(StrictJson.parseObject(json, limits.maxMessageBytes()));
    }

    /**
     * @param utf8 one message as UTF-8 bytes
     * @return the message
     * @throws ProtocolException if the bytes are not a valid message
     */
    public Message decode(byte[] utf8) throws ProtocolException {
        return decode(StrictJson.parseObject(utf8, limits.maxMessageBytes()));
    }

    private Message decode(JsonObject root) throws ProtocolException {
        JsonFields f = new JsonFields(root, "", limits);
        String type = typeOf(root, f);
        return switch (type) {
            case EventReport.TYPE -> readReport(f);
            case Setup.TYPE -> readSetup(f);
            case Hello.TYPE -> new Hello(f.token("token"), f.optLong("lastSeq", 0, MAX_SEQ), f.optText("client"));
            case Accepted.TYPE -> readAccepted(f);
            case Correction.TYPE -> readCorrection(f);
            case ErrorMessage.TYPE -> new ErrorMessage(f.keyword("code"), f.token("message"), f.optToken("field"),
                    f.optToken("ref"));
            case Heartbeat.TYPE -> new Heartbeat(f.timestamp("time"), f.optLong("seq", 0, MAX_SEQ));
            case Lineup.TYPE -> readLineup(f);
            default -> throw new ProtocolException(ProtocolError.UNKNOWN_TYPE, "type", "\"type\" is \""
                    + abbreviate(type) + "\", an unknown message type; expected one of " + String.join(", ", TYPES));
        };
    }

    /**
     * The type is the top-level {@code type}; a message of the original design's sample shape carries it
     * inside {@code event} instead.
     */
    private static String typeOf(JsonObject root, JsonFields f) throws ProtocolException {
        if (f.has("type")) {
            JsonElement t = root.get("type");
            if (!t.isJsonPrimitive() || !t.getAsJsonPrimitive().isString()) {
                throw new ProtocolException(ProtocolError.WRONG_TYPE, "type", "\"type\" must be a string");
            }
            return t.getAsString();
        }
        JsonElement event = root.get("event");
        if (event != null && event.isJsonObject()) {
            JsonElement inner = event.getAsJsonObject().get("type");
            if (inner != null && inner.isJsonPrimitive() && EventReport.TYPE.equals(inner.getAsString())) {
                return EventReport.TYPE;
            }
        }
        throw new ProtocolException(ProtocolError.MISSING_FIELD, "type",
                "\"type\" is missing; expected one of " + String.join(", ", TYPES));
    }

    private static String abbreviate(String s) {
        return JsonFields.quote(s);
    }

    private EventReport readReport(JsonFields f) throws ProtocolException {
        return new EventReport(f.timestamp("time"), f.token("token"), reported(readEvent(f.object("event")), "event"),
                f.optToken("ref"));
    }

    /**
     * The qualifiers of an event a peer reports (a report's or an amendment's) are what it asks the host to keep:
     * they are held to the tighter limits of reports. An {@code accepted} message is read with the list and text
     * limits only, so journals and hosts of earlier versions stay readable.
     */
    private TimelineEvent reported(TimelineEvent e, String path) throws ProtocolException {
        Map<String, String> q = e.qualifiers();
        String field = path + ".qualifiers";
        if (q.size() > limits.maxReportQualifiers()) {
            throw new ProtocolException(ProtocolError.TOO_LONG, field, "\"" + field + "\" has " + q.size()
                    + " entries; the limit for a reported event is " + limits.maxReportQualifiers());
        }
        long bytes = 0;
        for (Map.Entry<String, String> entry : q.entrySet()) {
            String name = entry.getKey();
            if (name.length() > limits.maxQualifierNameLength()) {
                throw new ProtocolException(ProtocolError.TOO_LONG, field, "\"" + field + "\" has a name " + name.length()
                        + " characters long (\"" + abbreviate(name) + "\"); the limit is " + limits.maxQualifierNameLength());
            }
            bytes += utf8Length(name) + utf8Length(entry.getValue());
        }
        if (bytes > limits.maxQualifierBytes()) {
            throw new ProtocolException(ProtocolError.TOO_LONG, field, "\"" + field + "\" has " + bytes
                    + " bytes of UTF-8 in its names and values together; the limit is " + limits.maxQualifierBytes());
        }
        return e;
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static TimelineEvent readEvent(JsonFields e) throws ProtocolException {
        if (e.has("type") && !EventReport.TYPE.equals(e.keyword("type"))) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, e.pathOf("type"),
                    "\"" + e.pathOf("type") + "\" must be \"event\" when present");
        }
        return new TimelineEvent(e.text("title"), e.text("origin"), e.timestamp("time"), e.optText("player"),
                e.optInt("period", 1, 99), e.optLong("clock", 0, 366L * 24 * 3600 * 1000), e.optTextMap("qualifiers"),
                readLocation(e));
    }

    private static @Nullable Location readLocation(JsonFields e) throws ProtocolException {
        JsonFields l = e.optObject("location");
        return l == null ? null : new Location(l.doubleValue("x", 0, Location.MAX), l.doubleValue("y", 0, Location.MAX));
    }

    private Setup readSetup(JsonFields f) throws ProtocolException {
        List<String> origins = f.textList("origins");
        Lineups lineups = Lineups.NONE;
        JsonFields l = f.optObject("lineups");
        if (l != null) {
            Map<String, List<Player>> teams = new LinkedHashMap<>();
            for (String origin : l.names()) {
                if (!origins.contains(origin)) {
                    throw new ProtocolException(ProtocolError.INVALID_VALUE, "lineups", "\"lineups\" names \""
                            + abbreviate(origin) + "\", which is not one of the \"origins\"");
                }
                teams.put(origin, readPlayers(l, origin));
            }
            lineups = new Lineups(teams);
            lineups.check("lineups", limits.maxTextLength());
        }
        return new Setup(origins, f.textList("actions"), f.optToken("matchId"), f.optText("name"),
                f.optText("sport"), f.optLong("lastSeq", 0, MAX_SEQ), lineups);
    }

    private Lineup readLineup(JsonFields f) throws ProtocolException {
        JsonFields l = f.object("lineups");
        Map<String, List<Player>> teams = new LinkedHashMap<>();
        Set<String> cleared = new LinkedHashSet<>();
        for (String origin : l.names()) {
            List<Player> players = readPlayers(l, origin);
            if (players.isEmpty()) {
                cleared.add(origin);
            } else {
                teams.put(origin, players);
            }
        }
        Lineups lineups = new Lineups(teams);
        lineups.check("lineups", limits.maxTextLength());
        return new Lineup(lineups, cleared, f.optToken("ref"));
    }

    /** the players of one origin: types here, the limits that span players in {@link Lineups#check} */
    private static List<Player> readPlayers(JsonFields lineups, String origin) throws ProtocolException {
        List<Player> players = new ArrayList<>();
        for (JsonFields p : lineups.objectList(origin, Lineups.MAX_PLAYERS)) {
            boolean starting = p.optBoolean("starting", false);
            players.add(new Player(p.intValue("number", 0, Lineups.MAX_NUMBER), p.text("name", Lineups.MAX_NAME_LENGTH),
                    p.optText("position", Lineups.MAX_POSITION_LENGTH), starting, p.optBoolean("on", starting)));
        }
        return players;
    }

    private static Accepted readAccepted(JsonFields f) throws ProtocolException {
        String statusText = f.keyword("status");
        Accepted.Status status = Accepted.Status.fromWire(statusText);
        if (status == null) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, "status", "\"status\" is \"" + abbreviate(statusText)
                    + "\"; expected accepted, amended or retracted");
        }
        return new Accepted(f.timestamp("time"), f.token("id"), f.longValue("seq", 1, MAX_SEQ),
                f.intValue("version", 1, Integer.MAX_VALUE), status, readEvent(f.object("event")),
                f.intValue("votes", 0, Integer.MAX_VALUE), f.doubleValue("confidence", 0, 1), f.optText("reason"),
                f.has("playerShare") ? f.doubleValue("playerShare", 0, 1) : null);
    }

    private Correction readCorrection(JsonFields f) throws ProtocolException {
        String actionText = f.keyword("action");
        Correction.Action action = Correction.Action.fromWire(actionText);
        if (action == null) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, "action", "\"action\" is \"" + abbreviate(actionText)
                    + "\"; expected retract or amend");
        }
        TimelineEvent amended = null;
        if (action == Correction.Action.AMEND) {
            amended = reported(readEvent(f.object("event")), "event");
        } else if (f.has("event")) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, "event", "a retraction carries no \"event\"");
        }
        return new Correction(f.timestamp("time"), f.token("token"), f.token("target"), action, amended,
                f.optText("reason"), f.optToken("ref"));
    }

    // ------------------------------------------------------------------------------------------ encode

    /**
     * @param message any message
     * @return its JSON text, one line
     */
    public String encode(Message message) {
        return GSON.toJson(toJson(message));
    }

    /**
     * @param message any message
     * @return its JSON text as UTF-8 bytes, ready to be sent (and shared by every send) as one frame
     */
    public byte[] encodeUtf8(Message message) {
        return encode(message).getBytes(StandardCharsets.UTF_8);
    }

    /** @return the JSON tree of a message */
    public JsonObject toJson(Message message) {
        JsonObject o = new JsonObject();
        o.addProperty("type", message.type());
        switch (message) {
            case EventReport r -> {
                o.addProperty("time", r.time().toEpochMilli());
                o.addProperty("token", r.token());
                o.add("event", writeEvent(r.event()));
                putIfPresent(o, "ref", r.ref());
            }
            case Setup s -> {
                o.add("origins", strings(s.origins()));
                o.add("actions", strings(s.actions()));
                putIfPresent(o, "matchId", s.matchId());
                putIfPresent(o, "name", s.name());
                putIfPresent(o, "sport", s.sport());
                putIfPresent(o, "lastSeq", s.lastSeq());
                if (!s.lineups().isEmpty()) {
                    o.add("lineups", writeLineups(s.lineups(), Set.of()));
                }
            }
            case Hello h -> {
                o.addProperty("token", h.token());
                putIfPresent(o, "lastSeq", h.lastSeq());
                putIfPresent(o, "client", h.client());
            }
            case Accepted a -> {
                o.addProperty("time", a.time().toEpochMilli());
                o.addProperty("id", a.id());
                o.addProperty("seq", a.seq());
                o.addProperty("version", a.version());
                o.addProperty("status", a.status().wire());
                o.add("event", writeEvent(a.event()));
                o.addProperty("votes", a.votes());
                o.addProperty("confidence", a.confidence());
                putIfPresent(o, "reason", a.reason());
                putIfPresent(o, "playerShare", a.playerShare());
            }
            case Correction c -> {
                o.addProperty("time", c.time().toEpochMilli());
                o.addProperty("token", c.token());
                o.addProperty("target", c.target());
                o.addProperty("action", c.action().wire());
                TimelineEvent amended = c.amended();
                if (amended != null) {
                    o.add("event", writeEvent(amended));
                }
                putIfPresent(o, "reason", c.reason());
                putIfPresent(o, "ref", c.ref());
            }
            case ErrorMessage e -> {
                o.addProperty("code", e.code());
                o.addProperty("message", e.message());
                putIfPresent(o, "field", e.field());
                putIfPresent(o, "ref", e.ref());
            }
            case Heartbeat h -> {
                o.addProperty("time", h.time().toEpochMilli());
                putIfPresent(o, "seq", h.seq());
            }
            case Lineup l -> {
                o.add("lineups", writeLineups(l.lineups(), l.cleared()));
                putIfPresent(o, "ref", l.ref());
            }
        }
        return o;
    }

    private static JsonObject writeLineups(Lineups lineups, Set<String> cleared) {
        JsonObject o = new JsonObject();
        lineups.teams().forEach((origin, players) -> {
            JsonArray a = new JsonArray(players.size());
            for (Player p : players) {
                JsonObject j = new JsonObject();
                j.addProperty("number", p.number());
                j.addProperty("name", p.name());
                putIfPresent(j, "position", p.position());
                j.addProperty("starting", p.starting());
                j.addProperty("on", p.on());
                a.add(j);
            }
            o.add(origin, a);
        });
        cleared.stream().filter(origin -> !lineups.teams().containsKey(origin)).sorted()
                .forEach(origin -> o.add(origin, new JsonArray()));
        return o;
    }

    private static JsonObject writeEvent(TimelineEvent e) {
        JsonObject o = new JsonObject();
        o.addProperty("type", EventReport.TYPE);
        o.addProperty("title", e.title());
        o.addProperty("origin", e.origin());
        o.addProperty("time", e.time().toEpochMilli());
        putIfPresent(o, "player", e.player());
        putIfPresent(o, "period", e.period());
        putIfPresent(o, "clock", e.clockMillis());
        if (!e.qualifiers().isEmpty()) {
            JsonObject q = new JsonObject();
            for (Map.Entry<String, String> entry : e.qualifiers().entrySet()) {
                q.addProperty(entry.getKey(), entry.getValue());
            }
            o.add("qualifiers", q);
        }
        Location l = e.location();
        if (l != null) {
            JsonObject at = new JsonObject();
            at.addProperty("x", l.x());
            at.addProperty("y", l.y());
            o.add("location", at);
        }
        return o;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray(values.size());
        values.forEach(v -> a.add(new JsonPrimitive(v)));
        return a;
    }

    private static void putIfPresent(JsonObject o, String name, @Nullable String value) {
        if (value != null) {
            o.addProperty(name, value);
        }
    }

    private static void putIfPresent(JsonObject o, String name, @Nullable Number value) {
        if (value != null) {
            o.addProperty(name, value);
        }
    }
}
