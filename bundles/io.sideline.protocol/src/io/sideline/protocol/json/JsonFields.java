package io.sideline.protocol.json;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.ProtocolLimits;

import org.jspecify.annotations.Nullable;

/**
 * Reads typed fields out of one JSON object, and refuses anything else with a
 * {@link ProtocolException} that names the field by its JSON path. JSON {@code null} counts as absent.
 */
public final class JsonFields {

    /** Earliest timestamp accepted: 2000-01-01T00:00:00Z. Earlier values are almost always seconds sent as milliseconds. */
    public static final long MIN_TIMESTAMP_MILLIS = 946_684_800_000L;
    /** First timestamp refused: 2100-01-01T00:00:00Z. */
    public static final long MAX_TIMESTAMP_MILLIS = 4_102_444_800_000L;

    /** The most characters of a peer's text that an error message quotes. */
    private static final int QUOTE_LIMIT = 40;
    private static final BigDecimal MIN_TIMESTAMP = BigDecimal.valueOf(MIN_TIMESTAMP_MILLIS);
    private static final BigDecimal MAX_TIMESTAMP = BigDecimal.valueOf(MAX_TIMESTAMP_MILLIS);

    private final JsonObject object;
    private final String path;
    private final ProtocolLimits limits;

    /**
     * @param object the object to read
     * @param path   its JSON path, used in error messages ("" for the top level)
     * @param limits the text, token and list limits to enforce
     */
    public JsonFields(JsonObject object, String path, ProtocolLimits limits) {
        this.object = object;
        this.path = path;
        this.limits = limits;
    }

    /**
     * @param text a peer's text
     * @return the text made safe to quote in an error message: control characters written as Java-style
     *         unicode escapes, cut to 40 characters with an ellipsis (never inside a surrogate pair)
     */
    public static String quote(String text) {
        StringBuilder b = new StringBuilder();
        int count = 0;
        for (int i = 0; i < text.length(); count++) {
            if (count == QUOTE_LIMIT) {
                return b.append('…').toString();
            }
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp)) {
                b.append(String.format("\\u%04x", cp));
            } else {
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    /** @return a number as an error message shows it: exact when short, else rounded to 6 digits */
    private static String show(BigDecimal d) {
        String plain = d.toPlainString();
        return plain.length() <= 24 ? plain : d.round(new MathContext(6)).toString();
    }

    private static boolean isWhole(BigDecimal d) {
        return d.signum() == 0 || d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0;
    }

    /** @return the JSON path of a field of this object */
    public String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** @return whether the field is present and not null */
    public boolean has(String name) {
        JsonElement e = object.get(name);
        return e != null && !e.isJsonNull();
    }

    private JsonElement required(String name) throws ProtocolException {
        JsonElement e = object.get(name);
        if (e == null || e.isJsonNull()) {
            throw new ProtocolException(ProtocolError.MISSING_FIELD, pathOf(name),
                    "\"" + pathOf(name) + "\" is missing");
        }
        return e;
    }

    private ProtocolException wrongType(String name, String expected, JsonElement actual) {
        return new ProtocolException(ProtocolError.WRONG_TYPE, pathOf(name),
                "\"" + pathOf(name) + "\" must be " + expected + ", not " + describe(actual));
    }

    private static String describe(JsonElement e) {
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return "true/false";
        }
        if (p.isNumber()) {
            return "a number";
        }
        return "a string";
    }

    private String rawString(String name, JsonElement e) throws ProtocolException {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw wrongType(name, "a string", e);
        }
        return e.getAsString();
    }

    private String checkText(String name, String value, int max) throws ProtocolException {
        if (value.isBlank()) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, pathOf(name),
                    "\"" + pathOf(name) + "\" must not be blank");
        }
        if (value.length() > max) {
            throw new ProtocolException(ProtocolError.TOO_LONG, pathOf(name),
                    "\"" + pathOf(name) + "\" is " + value.length() + " characters long; the limit is " + max);
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new ProtocolException(ProtocolError.INVALID_VALUE, pathOf(name),
                        "\"" + pathOf(name) + "\" contains a control character at position " + (i + 1));
            }
        }
        return value;
    }

    /** @return a required, non-blank text of at most the text limit */
    public String text(String name) throws ProtocolException {
        return checkText(name, rawString(name, required(name)), limits.maxTextLength());
    }

    /** @return an optional text, or {@code null} */
    public @Nullable String optText(String name) throws ProtocolException {
        return has(name) ? text(name) : null;
    }

    /** @return a required token or id of at most the token limit */
    public String token(String name) throws ProtocolException {
        return checkText(name, rawString(name, required(name)), limits.maxTokenLength());
    }

    /** @return an optional token or id, or {@code null} */
    public @Nullable String optToken(String name) throws ProtocolException {
        return has(name) ? token(name) : null;
    }

    /** @return a required plain string (no length rule beyond the token limit), used for enum-like values */
    public String keyword(String name) throws ProtocolException {
        return token(name);
    }

    private BigDecimal number(String name, JsonElement e) throws ProtocolException {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
            throw wrongType(name, "a number", e);
        }
        try {
            return e.getAsBigDecimal();
        } catch (NumberFormatException ex) {
            // the JSON number is valid but too large, too small or too long for the reader's limits
            throw new ProtocolException(ProtocolError.OUT_OF_RANGE, pathOf(name), "\"" + pathOf(name)
                    + "\" is a number with too many digits or too large an exponent");
        }
    }

    private long integer(String name, JsonElement e, long min, long max) throws ProtocolException {
        BigDecimal d = number(name, e);
        if (!isWhole(d)) {
            throw new ProtocolException(ProtocolError.WRONG_TYPE, pathOf(name),
                    "\"" + pathOf(name) + "\" must be a whole number, not " + show(d));
        }
        if (d.compareTo(BigDecimal.valueOf(min)) < 0 || d.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new ProtocolException(ProtocolError.OUT_OF_RANGE, pathOf(name),
                    "\"" + pathOf(name) + "\" is " + show(d) + "; it must be between " + min + " and " + max);
        }
        return d.longValueExact();
    }

    /** @return a required whole number within [min, max] */
    public long longValue(String name, long min, long max) throws ProtocolException {
        return integer(name, required(name), min, max);
    }

    /** @return an optional whole number within [min, max], or {@code null} */
    public @Nullable Long optLong(String name, long min, long max) throws ProtocolException {
        return has(name) ? integer(name, object.get(name), min, max) : null;
    }

    /** @return an optional whole number within [min, max], or {@code null} */
    public @Nullable Integer optInt(String name, int min, int max) throws ProtocolException {
        return has(name) ? (int) integer(name, object.get(name), min, max) : null;
    }

    /** @return a required whole number within [min, max] */
    public int intValue(String name, int min, int max) throws ProtocolException {
        return (int) integer(name, required(name), min, max);
    }

    /** @return a required number within [min, max] */
    public double doubleValue(String name, double min, double max) throws ProtocolException {
        BigDecimal d = number(name, required(name));
        double v = d.doubleValue();
        if (!(v >= min && v <= max)) {
            throw new ProtocolException(ProtocolError.OUT_OF_RANGE, pathOf(name),
                    "\"" + pathOf(name) + "\" is " + show(d) + "; it must be between " + min + " and " + max);
        }
        return v;
    }

    /**
     * A timestamp: epoch milliseconds as a whole number, or an ISO-8601 string with a zone offset such
     * as {@code "2021-06-11T19:00:00Z"} or {@code "2021-06-11T21:00:00.250+02:00"}.
     *
     * @return the instant, between 2000-01-01 and 2100-01-01
     */
    public Instant timestamp(String name) throws ProtocolException {
        JsonElement e = required(name);
        long millis;
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            millis = parseIso(name, e.getAsString());
        } else if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            BigDecimal d = number(name, e);
            if (!isWhole(d)) {
                throw new ProtocolException(ProtocolError.WRONG_TYPE, pathOf(name), "\"" + pathOf(name)
                        + "\" must be whole epoch milliseconds or an ISO-8601 string, not " + show(d));
            }
            if (d.compareTo(MIN_TIMESTAMP) < 0 || d.compareTo(MAX_TIMESTAMP) >= 0) {
                boolean seconds = d.signum() >= 0 && d.compareTo(MIN_TIMESTAMP) < 0
                        && d.movePointRight(3).compareTo(MIN_TIMESTAMP) >= 0;
                throw outOfTimeRange(name, show(d) + (seconds ? " (it looks like seconds; send milliseconds)" : ""));
            }
            millis = d.longValueExact();
        } else {
            throw wrongType(name, "epoch milliseconds or an ISO-8601 string", e);
        }
        if (millis < MIN_TIMESTAMP_MILLIS || millis >= MAX_TIMESTAMP_MILLIS) {
            throw outOfTimeRange(name, "\"" + quote(e.getAsString()) + "\"");
        }
        return Instant.ofEpochMilli(millis);
    }

    private ProtocolException outOfTimeRange(String name, String shown) {
        return new ProtocolException(ProtocolError.OUT_OF_RANGE, pathOf(name), "\"" + pathOf(name)
                + "\" is " + shown + "; a timestamp must fall between 2000-01-01 and 2100-01-01");
    }

    private long parseIso(String name, String text) throws ProtocolException {
        if (text.length() > 64) {
            throw new ProtocolException(ProtocolError.TOO_LONG, pathOf(name),
                    "\"" + pathOf(name) + "\" is too long to be a timestamp");
        }
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parse(text);
            if (!t.isSupported(ChronoField.OFFSET_SECONDS)) {
                throw new ProtocolException(ProtocolError.INVALID_VALUE, pathOf(name), "\"" + pathOf(name)
                        + "\" is \"" + quote(text) + "\", which has no time zone; add one, for example \"Z\" or \"+02:00\"");
            }
            return OffsetDateTime.from(t).toInstant().toEpochMilli();
        } catch (ArithmeticException ex) {
            throw outOfTimeRange(name, "\"" + quote(text) + "\"");
        } catch (DateTimeException ex) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, pathOf(name), "\"" + pathOf(name)
                    + "\" is \"" + quote(text) + "\", which is not an ISO-8601 timestamp such as \"2021-06-11T19:00:00Z\"");
        }
    }

    /** @return a required nested object */
    public JsonFields object(String name) throws ProtocolException {
        JsonElement e = required(name);
        if (!e.isJsonObject()) {
            throw wrongType(name, "an object", e);
        }
        return new JsonFields(e.getAsJsonObject(), pathOf(name), limits);
    }

    /** @return an optional nested object, or {@code null} */
    public @Nullable JsonFields optObject(String name) throws ProtocolException {
        return has(name) ? object(name) : null;
    }

    /** @return a required list of texts, each checked like {@link #text(String)} */
    public List<String> textList(String name) throws ProtocolException {
        JsonElement e = required(name);
        if (!e.isJsonArray()) {
            throw wrongType(name, "a list of strings", e);
        }
        JsonArray array = e.getAsJsonArray();
        if (array.size() > limits.maxListSize()) {
            throw new ProtocolException(ProtocolError.TOO_LONG, pathOf(name), "\"" + pathOf(name) + "\" has "
                    + array.size() + " entries; the limit is " + limits.maxListSize());
        }
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String item = name + "[" + i + "]";
            JsonElement el = array.get(i);
            if (el.isJsonNull()) {
                throw new ProtocolException(ProtocolError.MISSING_FIELD, pathOf(item), "\"" + pathOf(item) + "\" is null");
            }
            out.add(checkText(item, rawString(item, el), limits.maxTextLength()));
        }
        return out;
    }

    /**
     * Checks a name inside the object {@code name}. A bad name is reported against that object, not
     * against a path that would contain the bad name itself.
     */
    private void checkName(String name, String key) throws ProtocolException {
        String where = "\"" + pathOf(name) + "\"";
        if (key.isBlank()) {
            throw new ProtocolException(ProtocolError.INVALID_VALUE, pathOf(name), where + " has a blank name");
        }
        if (key.length() > limits.maxTextLength()) {
            throw new ProtocolException(ProtocolError.TOO_LONG, pathOf(name), where + " has a name " + key.length()
                    + " characters long (\"" + quote(key) + "\"); the limit is " + limits.maxTextLength());
        }
        for (int i = 0; i < key.length(); i++) {
            if (Character.isISOControl(key.charAt(i))) {
                throw new ProtocolException(ProtocolError.INVALID_VALUE, pathOf(name), where
                        + " has a name with a control character (\"" + quote(key) + "\")");
            }
        }
    }

    /** @return an optional object of text values, or an empty map */
    public Map<String, String> optTextMap(String name) throws ProtocolException {
        if (!has(name)) {
            return Map.of();
        }
        JsonFields map = object(name);
        if (map.object.size() > limits.maxListSize()) {
            throw new ProtocolException(ProtocolError.TOO_LONG, pathOf(name), "\"" + pathOf(name) + "\" has "
                    + map.object.size() + " entries; the limit is " + limits.maxListSize());
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : map.object.keySet()) {
            checkName(name, key);
            out.put(key, map.text(key));
        }
        return out;
    }

    /**
     * @return the names of this object's fields, in order, each checked as a text: not blank, no control characters,
     *         at most the text limit
     */
    public List<String> names() throws ProtocolException {
        if (object.size() > limits.maxListSize()) {
            throw new ProtocolException(ProtocolError.TOO_LONG, path, "\"" + path + "\" has " + object.size()
                    + " entries; the limit is " + limits.maxListSize());
        }
        String where = "\"" + path + "\"";
        List<String> out = new ArrayList<>(object.size());
        for (String key : object.keySet()) {
            if (key.isBlank()) {
                throw new ProtocolException(ProtocolError.INVALID_VALUE, path, where + " has a blank name");
            }
            if (key.length() > limits.maxTextLength()) {
                throw new ProtocolException(ProtocolError.TOO_LONG, path, where + " has a name " + key.length()
                        + " characters long (\"" + quote(key) + "\"); the limit is " + limits.maxTextLength());
            }
            for (int i = 0; i < key.length(); i++) {
                if (Character.isISOControl(key.charAt(i))) {
                    throw new ProtocolException(ProtocolError.INVALID_VALUE, path, where
                            + " has a name with a control character (\"" + quote(key) + "\")");
                }
            }
            out.add(key);
        }
        return out;
    }

    /**
     * @param name the field
     * @param max  the most entries
     * @return a required list of objects, each to be read with its own path ({@code name[i]})
     */
    public List<JsonFields> objectList(String name, int max) throws ProtocolException {
        JsonElement e = required(name);
        if (!e.isJsonArray()) {
            throw wrongType(name, "a list of objects", e);
        }
        JsonArray array = e.getAsJsonArray();
        if (array.size() > max) {
            throw new ProtocolException(ProtocolError.TOO_LONG, pathOf(name), "\"" + pathOf(name) + "\" has "
                    + array.size() + " entries; the limit is " + max);
        }
        List<JsonFields> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String item = name + "[" + i + "]";
            JsonElement el = array.get(i);
            if (el.isJsonNull()) {
                throw new ProtocolException(ProtocolError.MISSING_FIELD, pathOf(item), "\"" + pathOf(item) + "\" is null");
            }
            if (!el.isJsonObject()) {
                throw wrongType(item, "an object", el);
            }
            out.add(new JsonFields(el.getAsJsonObject(), pathOf(item), limits));
        }
        return out;
    }

    /** @return an optional true/false, or {@code otherwise} when absent */
    public boolean optBoolean(String name, boolean otherwise) throws ProtocolException {
        if (!has(name)) {
            return otherwise;
        }
        JsonElement e = object.get(name);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            throw wrongType(name, "true or false", e);
        }
        return e.getAsBoolean();
    }

    /** @return an optional text of at most {@code max} characters (below the text limit), or {@code null} */
    public @Nullable String optText(String name, int max) throws ProtocolException {
        return has(name) ? checkText(name, rawString(name, object.get(name)), Math.min(max, limits.maxTextLength())) : null;
    }

    /** @return a required text of at most {@code max} characters (below the text limit) */
    public String text(String name, int max) throws ProtocolException {
        return checkText(name, rawString(name, required(name)), Math.min(max, limits.maxTextLength()));
    }
}
