package io.sideline.lookup.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.Page;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.TokenCheck;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.ProtocolLimits;
import io.sideline.protocol.json.JsonFields;
import io.sideline.protocol.json.StrictJson;

import org.jspecify.annotations.Nullable;

/**
 * The JSON form of the lookup API's records, in one place for the server and its clients. Reading
 * validates every field and refuses anything else with a {@link ProtocolException} naming the field.
 * Times are written as ISO-8601 strings ({@code "2021-06-11T19:00:00Z"}) and read as those or as epoch
 * milliseconds.
 */
public final class LookupJson {

    /** the largest request or response body, in bytes */
    public static final int MAX_BODY_BYTES = 64 * 1024;
    /** user names: 3 to 32 letters, digits, dots, dashes or underscores */
    public static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{3,32}");
    /** the shortest password */
    public static final int MIN_PASSWORD = 8;
    /** the longest password */
    public static final int MAX_PASSWORD = 200;
    /** sport ids: lower case letters, digits, dots, dashes or underscores, up to 64 */
    public static final Pattern SPORT_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** the most origins a match may have */
    public static final int MAX_ORIGINS = 64;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final ProtocolLimits LIMITS = ProtocolLimits.STANDARD;

    private LookupJson() {
    }

    /** @return the fields of a request or response body, read strictly */
    public static JsonFields parse(String body) throws ProtocolException {
        return new JsonFields(StrictJson.parseObject(body, MAX_BODY_BYTES), "", LIMITS);
    }

    /** @return the fields of a body as it arrived, read strictly: bytes that are not UTF-8 are refused, not replaced */
    public static JsonFields parse(byte[] utf8) throws ProtocolException {
        return new JsonFields(StrictJson.parseObject(utf8, MAX_BODY_BYTES), "", LIMITS);
    }

    /** @return the text of a JSON tree */
    public static String write(JsonElement json) {
        return GSON.toJson(json);
    }

    // ------------------------------------------------------------------------------------- requests

    /** A user name and password, as sent to register or identify. */
    public record Credentials(String user, String password) {

        @Override
        public String toString() {
            return "Credentials[user=" + user + "]";
        }
    }

    /** @return the JSON of credentials */
    public static JsonObject credentials(String user, String password) {
        JsonObject o = new JsonObject();
        o.addProperty("user", user);
        o.addProperty("password", password);
        return o;
    }

    /** @return credentials read from a body, with the user name and password rules checked */
    public static Credentials credentials(JsonFields f) throws ProtocolException {
        String user = f.token("user");
        if (!USER_NAME.matcher(user).matches()) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, "user", "\"user\" must be 3 to 32 letters, "
                    + "digits, dots, dashes or underscores");
        }
        String password = f.token("password");
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, "password", "\"password\" must be "
                    + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters long");
        }
        return new Credentials(user, password);
    }

    /** @return the JSON of a match draft */
    public static JsonObject draft(MatchDraft d) {
        JsonObject o = new JsonObject();
        o.addProperty("name", d.name());
        o.addProperty("sport", d.sport());
        o.add("origins", strings(d.origins()));
        o.addProperty("scheduledStart", d.scheduledStart().toString());
        o.add("quorum", quorum(d.quorum()));
        o.addProperty("hostUrl", d.hostUrl());
        return o;
    }

    /** @return a match draft read from a body, every rule checked */
    public static MatchDraft draft(JsonFields f) throws ProtocolException {
        String name = f.text("name");
        String sport = f.token("sport");
        if (!SPORT_ID.matcher(sport).matches()) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, "sport", "\"sport\" must be a sport id: lower case "
                    + "letters, digits, dots, dashes or underscores, for example \"football\"");
        }
        List<String> origins = f.textList("origins");
        if (origins.size() < 2 || origins.size() > MAX_ORIGINS) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, "origins", "\"origins\" must name 2 to "
                    + MAX_ORIGINS + " teams; it names " + origins.size());
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < origins.size(); i++) {
            if (!seen.add(origins.get(i).strip().toLowerCase(Locale.ROOT))) {
                throw new ProtocolException(ProtocolError.INVALID_VALUE, "origins[" + i + "]", "\"origins[" + i
                        + "]\" repeats \"" + JsonFields.quote(origins.get(i)) + "\"; each team may appear once");
            }
        }
        Instant start = f.timestamp("scheduledStart");
        QuorumPolicy quorum = QuorumPolicy.DEFAULT;
        JsonFields q = f.optObject("quorum");
        if (q != null) {
            quorum = new QuorumPolicy(q.intValue("minVotes", 1, QuorumPolicy.MAX_MIN_VOTES),
                    q.has("fraction") ? q.doubleValue("fraction", 0, 1) : 0);
        }
        return new MatchDraft(name, sport, origins, start, quorum, hostUrl(f, "hostUrl"));
    }

    private static String hostUrl(JsonFields f, String name) throws ProtocolException {
        String url = f.token(name);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("ws") || scheme.equals("wss")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new ProtocolException(ProtocolError.INVALID_VALUE, name, "\"" + name + "\" must be the host's "
                + "WebSocket URL, for example \"ws://192.0.2.10:7070/match\"");
    }

    /**
     * @param hostUrl where the host can be reached now, or {@code null} to leave the match's address as it is
     * @return the JSON of a heartbeat request
     */
    public static JsonObject heartbeatRequest(@Nullable String hostUrl) {
        JsonObject o = new JsonObject();
        if (hostUrl != null) {
            o.addProperty("hostUrl", hostUrl);
        }
        return o;
    }

    /** @return the host's new address from a heartbeat request, or {@code null} when it did not send one */
    public static @Nullable String heartbeatHostUrl(JsonFields f) throws ProtocolException {
        return f.has("hostUrl") ? hostUrl(f, "hostUrl") : null;
    }

    /** @return the JSON of a token check request */
    public static JsonObject tokenCheckRequest(String token) {
        JsonObject o = new JsonObject();
        o.addProperty("token", token);
        return o;
    }

    // ------------------------------------------------------------------------------------ responses

    /** @return the JSON of a match */
    public static JsonObject match(Match m) {
        JsonObject o = new JsonObject();
        o.addProperty("id", m.id());
        o.addProperty("name", m.name());
        o.addProperty("sport", m.sport());
        o.add("origins", strings(m.origins()));
        o.addProperty("scheduledStart", m.scheduledStart().toString());
        o.add("quorum", quorum(m.quorum()));
        o.addProperty("hostUrl", m.hostUrl());
        o.addProperty("owner", m.owner());
        o.addProperty("state", m.state().wire());
        o.addProperty("createdAt", m.createdAt().toString());
        o.addProperty("lastHeartbeat", m.lastHeartbeat().toString());
        return o;
    }

    /** @return a match read from a response */
    public static Match match(JsonFields f) throws ProtocolException {
        JsonFields q = f.object("quorum");
        return new Match(f.token("id"), f.text("name"), f.token("sport"), f.textList("origins"),
                f.timestamp("scheduledStart"), new QuorumPolicy(q.intValue("minVotes", 1, QuorumPolicy.MAX_MIN_VOTES),
                        q.doubleValue("fraction", 0, 1)), f.token("hostUrl"), f.token("owner"), state(f, "state"),
                f.timestamp("createdAt"), f.timestamp("lastHeartbeat"));
    }

    /** @return the state named by a field */
    public static MatchState state(JsonFields f, String name) throws ProtocolException {
        String value = f.keyword(name);
        MatchState s = MatchState.fromWire(value);
        if (s == null) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, name, "\"" + name + "\" is \""
                    + JsonFields.quote(value) + "\"; expected scheduled, live, finished or host_lost");
        }
        return s;
    }

    /** @return the JSON of a page of matches */
    public static JsonObject page(Page<Match> p) {
        JsonObject o = new JsonObject();
        JsonArray items = new JsonArray();
        p.items().forEach(m -> items.add(match(m)));
        o.add("items", items);
        o.addProperty("page", p.page());
        o.addProperty("size", p.size());
        o.addProperty("total", p.total());
        return o;
    }

    /** @return a page of matches read from a response */
    public static Page<Match> page(JsonObject json) throws ProtocolException {
        JsonFields f = new JsonFields(json, "", LIMITS);
        return new Page<>(list(json, "items", LookupJson::match), f.intValue("page", 0, Integer.MAX_VALUE),
                f.intValue("size", 1, MatchQuery.MAX_SIZE), f.longValue("total", 0, Long.MAX_VALUE));
    }

    /** @return the JSON of a session */
    public static JsonObject session(Session s) {
        JsonObject o = new JsonObject();
        o.addProperty("user", s.user());
        o.addProperty("token", s.token());
        o.addProperty("expiresAt", s.expiresAt().toString());
        return o;
    }

    /** @return a session read from a response */
    public static Session session(JsonFields f) throws ProtocolException {
        return new Session(f.token("user"), f.token("token"), f.timestamp("expiresAt"));
    }

    /** @return the JSON of a join ticket */
    public static JsonObject ticket(JoinTicket t) {
        JsonObject o = new JsonObject();
        o.addProperty("matchId", t.matchId());
        o.addProperty("hostUrl", t.hostUrl());
        o.addProperty("token", t.token());
        o.addProperty("expiresAt", t.expiresAt().toString());
        return o;
    }

    /** @return a join ticket read from a response */
    public static JoinTicket ticket(JsonFields f) throws ProtocolException {
        return new JoinTicket(f.token("matchId"), f.token("hostUrl"), f.token("token"), f.timestamp("expiresAt"));
    }

    /** @return the JSON of a token check */
    public static JsonObject tokenCheck(TokenCheck c) {
        JsonObject o = new JsonObject();
        o.addProperty("active", c.active());
        if (c.active()) {
            o.addProperty("user", c.user());
            o.addProperty("matchId", c.matchId());
            o.addProperty("expiresAt", Objects.requireNonNull(c.expiresAt(), "expiresAt").toString());
        } else {
            o.addProperty("reason", c.reason());
        }
        return o;
    }

    /** @return a token check read from a response */
    public static TokenCheck tokenCheck(JsonObject json) throws ProtocolException {
        JsonFields f = new JsonFields(json, "", LIMITS);
        JsonElement active = json.get("active");
        if (active == null || !active.isJsonPrimitive() || !active.getAsJsonPrimitive().isBoolean()) {
            throw new ProtocolException(ProtocolError.WRONG_TYPE, "active", "\"active\" must be true or false");
        }
        if (active.getAsBoolean()) {
            return new TokenCheck(true, f.token("user"), f.token("matchId"), f.timestamp("expiresAt"), null);
        }
        return TokenCheck.refused(f.keyword("reason"));
    }

    /** @return the JSON of an error */
    public static JsonObject error(String code, String message, @Nullable String field) {
        JsonObject o = new JsonObject();
        o.addProperty("code", code);
        o.addProperty("message", message);
        if (field != null) {
            o.addProperty("field", field);
        }
        return o;
    }

    private static JsonObject quorum(QuorumPolicy q) {
        JsonObject o = new JsonObject();
        o.addProperty("minVotes", q.minVotes());
        o.addProperty("fraction", q.fraction());
        return o;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    /** A reader of one list entry. */
    @FunctionalInterface
    private interface EntryReader<T> {
        T read(JsonFields f) throws ProtocolException;
    }

    private static <T> List<T> list(JsonObject json, String name, EntryReader<T> reader) throws ProtocolException {
        JsonElement e = json.get(name);
        if (e == null || !e.isJsonArray()) {
            throw new ProtocolException(ProtocolError.WRONG_TYPE, name, "\"" + name + "\" must be a list");
        }
        List<T> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isJsonObject()) {
                throw new ProtocolException(ProtocolError.WRONG_TYPE, name + "[" + i + "]", "\"" + name + "[" + i
                        + "]\" must be an object");
            }
            out.add(reader.read(new JsonFields(a.get(i).getAsJsonObject(), name + "[" + i + "]", LIMITS)));
        }
        return out;
    }

}
