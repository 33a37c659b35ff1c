package io.sideline.sport.declarative;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.MalformedJsonException;

import io.sideline.sport.api.Qualifier;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;

import org.jspecify.annotations.Nullable;

/**
 * A sport defined without Java: a JSON file, validated, that becomes a {@link Sport}. The format is
 * documented in {@code docs/extending.md}; in short:
 *
 * <pre>
 * {
 *   "sideline-sport": 1,
 *   "id": "handball", "name": "Handball",
 *   "origins": ["Home", "Away"],
 *   "periods": { "count": 2, "minutes": 30, "overtimeMinutes": 5, "names": ["1st half", "2nd half"] },
 *   "actions": [
 *     { "id": "goal", "label": "Goal", "key": "g", "window": 20, "points": 1, "momentum": 5,
 *       "qualifiers": [ { "id": "player", "label": "Player" } ], "exclusive": true }
 *   ],
 *   "keyActions": ["Goal"],
 *   "clip": { "lead": 8, "lag": 4 }
 * }
 * </pre>
 *
 * Every problem is reported with the file, the line and the field: {@code handball.json:12: actions[3].key: "gg"
 * is not one letter or digit}.
 */
public final class SportFile {

    /** the format version this reader understands */
    public static final int FORMAT = 1;
    /** the largest sport file, in bytes */
    public static final int MAX_BYTES = 256 * 1024;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private SportFile() {
    }

    /** Reads and validates a sport file. */
    public static Sport read(Path file) throws SportFileException {
        String source = file.getFileName().toString();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new SportFileException(source, 0, "the file is larger than " + MAX_BYTES / 1024 + " KiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SportFileException(source, 0, "cannot be read: " + e.getMessage());
        }
        return parse(source, decode(source, bytes));
    }

    /** @return UTF-8 text, refusing bytes that are not UTF-8 */
    public static String decode(String source, byte[] bytes) throws SportFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SportFileException(source, 0, "is not UTF-8 text");
        }
    }

    /**
     * Validates a sport definition.
     *
     * @param source the file's name, for messages
     * @param text   its content
     * @return the sport
     */
    public static Sport parse(String source, String text) throws SportFileException {
        Node root = new Tree(source, text).read(text);
        Obj top = root.object("");
        top.allow("sideline-sport", "id", "name", "origins", "periods", "actions", "keyActions", "clip");
        int format = top.integer("sideline-sport", 1, 1000);
        if (format != FORMAT) {
            throw top.problem("sideline-sport", "format " + format + " is newer than this Sideline reads (" + FORMAT
                    + "): update Sideline");
        }
        String id = top.text("id");
        if (!ID.matcher(id).matches()) {
            throw top.problem("id", "\"" + id + "\" is not a sport id: lower case letters, digits, '.', '_' or '-'");
        }
        String name = top.text("name");
        List<String> origins = top.has("origins") ? top.texts("origins", 2) : List.of("Home", "Away");
        if (new HashSet<>(origins).size() != origins.size()) {
            throw top.problem("origins", "a team is named twice");
        }
        int periods = 1;
        Duration length = null;
        Duration overtime = null;
        List<String> periodNames = List.of();
        if (top.has("periods")) {
            Obj p = top.object("periods");
            p.allow("count", "minutes", "overtimeMinutes", "names");
            periods = p.integer("count", 1, 20);
            length = p.has("minutes") ? Duration.ofSeconds(Math.round(p.number("minutes", 0.1, 600) * 60)) : null;
            overtime = p.has("overtimeMinutes") ? Duration.ofSeconds(Math.round(p.number("overtimeMinutes", 0.1, 600) * 60))
                    : null;
            periodNames = p.has("names") ? p.texts("names", 1) : List.of();
        }
        List<Node> actionNodes = top.list("actions", 1, 200);
        List<SportAction> actions = new ArrayList<>();
        Map<String, Integer> points = new HashMap<>();
        Set<String> toOpponent = new HashSet<>();
        Map<String, Double> momentum = new HashMap<>();
        Set<String> exclusive = new HashSet<>();
        Map<String, String> keys = new HashMap<>();
        Set<String> ids = new HashSet<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < actionNodes.size(); i++) {
            Obj a = actionNodes.get(i).object("actions[" + i + "]");
            a.allow("id", "label", "key", "window", "points", "pointsToOpponent", "momentum", "qualifiers", "exclusive",
                    "concurrent");
            String aid = a.text("id");
            if (!ID.matcher(aid).matches()) {
                throw a.problem("id", "\"" + aid + "\" is not an action id: lower case letters, digits, '.', '_' or '-'");
            }
            if (!ids.add(aid)) {
                throw a.problem("id", "\"" + aid + "\" is the id of an earlier action too");
            }
            String label = a.text("label");
            if (!labels.add(label)) {
                throw a.problem("label", "\"" + label + "\" is the label of an earlier action too");
            }
            String key = a.text("key");
            if (key.length() != 1 || !Character.isLetterOrDigit(key.charAt(0))) {
                throw a.problem("key", "\"" + key + "\" is not one letter or digit");
            }
            String other = keys.putIfAbsent(key.toLowerCase(Locale.ROOT), label);
            if (other != null) {
                throw a.problem("key", "\"" + key + "\" is already the key of " + other);
            }
            Duration window = Duration.ofMillis(Math.round(a.number("window", 0.5, 3600) * 1000));
            List<Qualifier> qualifiers = new ArrayList<>();
            if (a.has("qualifiers")) {
                List<Node> qs = a.list("qualifiers", 0, 20);
                Set<String> qids = new HashSet<>();
                for (int q = 0; q < qs.size(); q++) {
                    Obj qo = qs.get(q).object(a.path + ".qualifiers[" + q + "]");
                    qo.allow("id", "label", "values");
                    String qid = qo.text("id");
                    if (!ID.matcher(qid).matches() || !qids.add(qid)) {
                        throw qo.problem("id", "\"" + qid + "\" is not a new qualifier id");
                    }
                    qualifiers.add(new Qualifier(qid, qo.text("label"), qo.has("values") ? qo.texts("values", 1)
                            : List.of()));
                }
            } else {
                qualifiers.add(Qualifier.PLAYER);
            }
            actions.add(new SportAction(aid, label, key, window, qualifiers));
            if (a.has("points")) {
                points.put(label, a.integer("points", 0, 100));
            }
            if (a.has("pointsToOpponent") && a.bool("pointsToOpponent")) {
                if (points.getOrDefault(label, 0) == 0) {
                    throw a.problem("pointsToOpponent", "only an action that scores points can give them to the opponent");
                }
                toOpponent.add(label);
            }
            if (a.has("momentum")) {
                momentum.put(label, a.number("momentum", -100, 100));
            }
            if (a.has("exclusive") && a.bool("exclusive")) {
                exclusive.add(label);
            }
            if (a.has("concurrent")) {
                a.bool("concurrent"); // before API 1.3: still read, so older files load; actions conflict only when exclusive
            }
        }
        List<String> keyActions = List.of();
        if (top.has("keyActions")) {
            keyActions = top.texts("keyActions", 1);
            for (String k : keyActions) {
                if (!labels.contains(k)) {
                    throw top.problem("keyActions", "\"" + k + "\" is not the label of an action");
                }
            }
        }
        Duration lead = Duration.ofSeconds(5);
        Duration lag = Duration.ofSeconds(5);
        if (top.has("clip")) {
            Obj c = top.object("clip");
            c.allow("lead", "lag");
            lead = c.has("lead") ? Duration.ofMillis(Math.round(c.number("lead", 0, 600) * 1000)) : lead;
            lag = c.has("lag") ? Duration.ofMillis(Math.round(c.number("lag", 0, 600) * 1000)) : lag;
        }
        return new JsonSport(id, name, origins, periods, length, overtime, periodNames, actions, points, toOpponent,
                momentum, exclusive, keyActions, lead, lag, source);
    }

    // ------------------------------------------------------------------------------------ the tree

    /** A JSON value and the line it is on. */
    private record Node(@Nullable Object value, int line, String source) {
        Obj object(String path) throws SportFileException {
            if (!(value instanceof Map<?, ?> m)) {
                throw new SportFileException(source, line, (path.isEmpty() ? "the file" : path) + " must be an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Node> fields = (Map<String, Node>) m;
            return new Obj(fields, path, line, source);
        }
    }

    /** An object's fields, with typed reads that name the field and its line when they fail. */
    private record Obj(Map<String, Node> fields, String path, int line, String source) {

        String where(String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        SportFileException problem(String field, String what) {
            Node n = fields.get(field);
            return new SportFileException(source, n == null ? line : n.line(), where(field) + ": " + what);
        }

        Obj object(String field) throws SportFileException {
            return require(field).object(where(field));
        }

        boolean has(String field) {
            return fields.containsKey(field) && fields.get(field).value() != null;
        }

        void allow(String... names) throws SportFileException {
            Set<String> known = Set.of(names);
            for (Map.Entry<String, Node> e : fields.entrySet()) {
                if (!known.contains(e.getKey())) {
                    throw new SportFileException(source, e.getValue().line(), where(e.getKey())
                            + ": unknown field; expected one of " + String.join(", ", names));
                }
            }
        }

        Node require(String field) throws SportFileException {
            Node n = fields.get(field);
            if (n == null || n.value() == null) {
                throw new SportFileException(source, line, where(field) + ": missing");
            }
            return n;
        }

        String text(String field) throws SportFileException {
            Object v = require(field).value();
            if (!(v instanceof String s) || s.isBlank()) {
                throw problem(field, "must be a text that is not empty");
            }
            if (s.length() > 100) {
                throw problem(field, "is longer than 100 characters");
            }
            return s.strip();
        }

        boolean bool(String field) throws SportFileException {
            if (!(require(field).value() instanceof Boolean b)) {
                throw problem(field, "must be true or false");
            }
            return b;
        }

        double number(String field, double min, double max) throws SportFileException {
            if (!(require(field).value() instanceof Double d)) {
                throw problem(field, "must be a number");
            }
            if (!(d >= min && d <= max)) {
                throw problem(field, d + " is out of range: from " + min + " to " + max);
            }
            return d;
        }

        int integer(String field, int min, int max) throws SportFileException {
            double d = number(field, min, max);
            if (d != Math.rint(d)) {
                throw problem(field, "must be a whole number");
            }
            return (int) d;
        }

        @SuppressWarnings("unchecked")
        List<Node> list(String field, int min, int max) throws SportFileException {
            if (!(require(field).value() instanceof List<?> l)) {
                throw problem(field, "must be a list");
            }
            if (l.size() < min || l.size() > max) {
                throw problem(field, "must have " + min + " to " + max + " entries, not " + l.size());
            }
            return (List<Node>) l;
        }

        List<String> texts(String field, int min) throws SportFileException {
            List<String> out = new ArrayList<>();
            List<Node> items = list(field, min, 100);
            for (int i = 0; i < items.size(); i++) {
                if (!(items.get(i).value() instanceof String s) || s.isBlank()) {
                    throw new SportFileException(source, items.get(i).line(), where(field) + "[" + i
                            + "]: must be a text that is not empty");
                }
                out.add(s.strip());
            }
            return out;
        }
    }

    /** Reads JSON into nodes that know their line; strict: no comments, no duplicate names. */
    private static final class Tree {
        private final String source;
        private final JsonReader in;

        Tree(String source, String text) {
            this.source = source;
            this.in = new JsonReader(new StringReader(text));
            in.setStrictness(Strictness.STRICT);
        }

        Node read(String text) throws SportFileException {
            if (text.isBlank()) {
                throw new SportFileException(source, 1, "the file is empty");
            }
            try {
                Node n = value(0);
                boolean more;
                try {
                    more = in.peek() != JsonToken.END_DOCUMENT;
                } catch (MalformedJsonException e) {
                    more = true; // the strict reader will not even look at a second value
                }
                if (more) {
                    throw new SportFileException(source, line(), "more after the sport's object");
                }
                return n;
            } catch (MalformedJsonException | java.io.EOFException e) {
                throw new SportFileException(source, lineOf(e.getMessage()), "not valid JSON: " + plain(e.getMessage()));
            } catch (IOException | IllegalStateException e) {
                throw new SportFileException(source, line(), "not valid JSON: " + plain(e.getMessage()));
            }
        }

        private Node value(int depth) throws IOException, SportFileException {
            if (depth > 20) {
                throw new SportFileException(source, line(), "nested too deeply");
            }
            int line = line();
            switch (in.peek()) {
                case BEGIN_OBJECT -> {
                    in.beginObject();
                    Map<String, Node> fields = new LinkedHashMap<>();
                    while (in.hasNext()) {
                        int at = line();
                        String name = in.nextName();
                        if (fields.containsKey(name)) {
                            throw new SportFileException(source, at, "\"" + name + "\" appears twice in one object");
                        }
                        fields.put(name, value(depth + 1));
                    }
                    in.endObject();
                    return new Node(fields, line, source);
                }
                case BEGIN_ARRAY -> {
                    in.beginArray();
                    List<Node> items = new ArrayList<>();
                    while (in.hasNext()) {
                        items.add(value(depth + 1));
                    }
                    in.endArray();
                    return new Node(items, line, source);
                }
                case STRING -> {
                    return new Node(in.nextString(), line, source);
                }
                case NUMBER -> {
                    return new Node(in.nextDouble(), line, source);
                }
                case BOOLEAN -> {
                    return new Node(in.nextBoolean(), line, source);
                }
                case NULL -> {
                    in.nextNull();
                    return new Node(null, line, source);
                }
                default -> throw new SportFileException(source, line, "unexpected " + in.peek());
            }
        }

        private int line() {
            return lineOf(in.toString());
        }

        private static int lineOf(@Nullable String text) {
            Matcher m = LINE.matcher(text == null ? "" : text);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        }

        private static String plain(@Nullable String message) {
            if (message == null) {
                return "it ends too early";
            }
            String m = message.replaceAll("\\s*at line \\d+ column \\d+ path \\S*", "")
                    .replaceAll("\\s*See https?://\\S+", "")
                    .replaceAll("\\s*Use JsonReader.setStrictness\\S* to accept malformed JSON", "").strip();
            return m.isEmpty() ? "it ends too early" : m;
        }
    }

    // ------------------------------------------------------------------------------------ the sport

    /** A sport read from a file. */
    static final class JsonSport implements Sport {
        private final String id;
        private final String name;
        private final List<String> origins;
        private final int periods;
        private final @Nullable Duration length;
        private final @Nullable Duration overtime;
        private final List<String> periodNames;
        private final List<SportAction> actions;
        private final Map<String, Integer> points;
        private final Set<String> toOpponent;
        private final Map<String, Double> momentum;
        private final Set<String> exclusive;
        private final List<String> keyActions;
        private final Duration lead;
        private final Duration lag;
        private final String source;

        JsonSport(String id, String name, List<String> origins, int periods, @Nullable Duration length,
                @Nullable Duration overtime,
                List<String> periodNames, List<SportAction> actions, Map<String, Integer> points, Set<String> toOpponent,
                Map<String, Double> momentum, Set<String> exclusive, List<String> keyActions, Duration lead, Duration lag,
                String source) {
            this.id = id;
            this.name = name;
            this.origins = List.copyOf(origins);
            this.periods = periods;
            this.length = length;
            this.overtime = overtime;
            this.periodNames = List.copyOf(periodNames);
            this.actions = List.copyOf(actions);
            this.points = Map.copyOf(points);
            this.toOpponent = Set.copyOf(toOpponent);
            this.momentum = Map.copyOf(momentum);
            this.exclusive = Set.copyOf(exclusive);
            this.keyActions = List.copyOf(keyActions);
            this.lead = lead;
            this.lag = lag;
            this.source = source;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<SportAction> actions() {
            return actions;
        }

        @Override
        public List<String> defaultOrigins() {
            return origins;
        }

        @Override
        public int periods() {
            return periods;
        }

        @Override
        public @Nullable Duration periodLength(int period) {
            return period <= periods ? length : overtime != null ? overtime : length;
        }

        @Override
        public String periodName(int period) {
            return period <= periodNames.size() ? periodNames.get(period - 1)
                    : period > periods ? "Overtime " + (period - periods) : "Period " + period;
        }

        @Override
        public Set<String> exclusiveActions() {
            return exclusive;
        }

        @Override
        public int points(String actionLabel) {
            return points.getOrDefault(actionLabel, 0);
        }

        @Override
        public boolean pointsToOpponent(String actionLabel) {
            return toOpponent.contains(actionLabel);
        }

        @Override
        public double momentumWeight(String actionLabel) {
            return momentum.getOrDefault(actionLabel, 1.0);
        }

        @Override
        public List<String> keyActions() {
            return keyActions.isEmpty() ? Sport.super.keyActions() : keyActions;
        }

        @Override
        public Duration clipLead() {
            return lead;
        }

        @Override
        public Duration clipLag() {
            return lag;
        }

        @Override
        public String toString() {
            return "sport " + id + " from " + source;
        }
    }
}
