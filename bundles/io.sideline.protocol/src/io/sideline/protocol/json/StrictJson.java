package io.sideline.protocol.json;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;

import org.jspecify.annotations.Nullable;

/**
 * Reads one JSON object strictly, for every JSON Sideline accepts from outside: protocol messages and the
 * lookup server's request bodies. Strict means: a size limit checked before parsing, valid UTF-8, strict
 * JSON (no comments, single quotes, NaN or trailing text), and no name twice in one object (Gson keeps
 * the last of two equal names silently, so {@code {"token": "a", "token": "b"}} would read differently
 * here than in another parser: a message means one thing or is refused). Every refusal is a
 * {@link ProtocolException} whose message a person understands.
 */
public final class StrictJson {

    private static final TypeAdapter<JsonElement> PRIMITIVES = new Gson().getAdapter(JsonElement.class);
    /** What Gson says about a syntax error: what is wrong, where, and the JSON path there. */
    private static final Pattern GSON_SYNTAX = Pattern.compile("(?s)(.*) at line (\\d+) column (\\d+) path (.*)");

    private StrictJson() {
    }

    /**
     * @param json     the text of one JSON object
     * @param maxBytes the largest accepted size in UTF-8 bytes
     * @return the object
     * @throws ProtocolException when the text is too large, not strict JSON, or not an object
     */
    public static JsonObject parseObject(@Nullable String json, int maxBytes) throws ProtocolException {
        if (json == null) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, null, "the message is empty");
        }
        checkSize(json, maxBytes);
        return parse(json);
    }

    /**
     * @param utf8     one JSON object as UTF-8 bytes
     * @param maxBytes the largest accepted size
     * @return the object
     * @throws ProtocolException when the bytes are too many, not UTF-8, not strict JSON, or not an object
     */
    public static JsonObject parseObject(byte @Nullable [] utf8, int maxBytes) throws ProtocolException {
        if (utf8 == null) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, null, "the message is empty");
        }
        if (utf8.length > maxBytes) {
            throw tooLarge(utf8.length, maxBytes);
        }
        return parse(utf8Text(utf8));
    }

    /** Decodes UTF-8 strictly: broken bytes are refused, not silently replaced. */
    private static String utf8Text(byte[] utf8) throws ProtocolException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(utf8);
        CharBuffer out = CharBuffer.allocate(utf8.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, null,
                    "the message is not valid UTF-8 (at byte " + (in.position() + 1) + ")");
        }
        return out.flip().toString();
    }

    private static void checkSize(String json, int max) throws ProtocolException {
        if (json.length() > max) {
            throw tooLarge(json.length(), max);
        }
        if ((long) json.length() * 3 > max) {
            int bytes = utf8Length(json);
            if (bytes > max) {
                throw tooLarge(bytes, max);
            }
        }
    }

    private static ProtocolException tooLarge(int size, int max) {
        return new ProtocolException(ProtocolError.MESSAGE_TOO_LARGE, null, "the message is at least " + size
                + " bytes; the limit is " + max + " bytes");
    }

    /** @return the number of bytes the text takes in UTF-8 */
    public static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static JsonObject parse(String json) throws ProtocolException {
        if (json.isBlank()) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, null, "the message is empty");
        }
        JsonElement root;
        try (JsonReader reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            root = read(reader, "");
            boolean more;
            try {
                more = reader.peek() != JsonToken.END_DOCUMENT;
            } catch (IOException | IllegalStateException e) {
                more = true; // a strict reader refuses a second value before returning it
            }
            if (more) {
                throw new ProtocolException(ProtocolError.MALFORMED_JSON, null,
                        "malformed JSON: there is more text after the message ends");
            }
        } catch (IOException | JsonParseException | IllegalStateException | NumberFormatException e) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, null, syntaxError(e));
        } catch (StackOverflowError e) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, null, "malformed JSON: nested too deeply");
        }
        if (root == null || !root.isJsonObject()) {
            throw new ProtocolException(ProtocolError.WRONG_TYPE, null, "a message must be a JSON object");
        }
        return root.getAsJsonObject();
    }

    /** Builds the tree like Gson's own adapter, refusing a name that appears twice in one object. */
    private static JsonElement read(JsonReader in, String path) throws IOException, ProtocolException {
        switch (in.peek()) {
            case BEGIN_OBJECT -> {
                JsonObject object = new JsonObject();
                in.beginObject();
                while (in.hasNext()) {
                    String name = in.nextName();
                    String at = path.isEmpty() ? name : path + "." + name;
                    if (object.has(name)) {
                        throw new ProtocolException(ProtocolError.INVALID_VALUE, JsonFields.quote(at),
                                "\"" + JsonFields.quote(at) + "\" appears twice; a name may appear once in an object");
                    }
                    object.add(name, read(in, at));
                }
                in.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    array.add(read(in, path + "[" + array.size() + "]"));
                }
                in.endArray();
                return array;
            }
            default -> {
                return PRIMITIVES.read(in);
            }
        }
    }

    /**
     * Gson's messages are written for the programmer who calls it: they end with a link to its
     * troubleshooting guide, may advise a reader setting, and repeat the peer's own field names however
     * long. A peer gets what is wrong, the line and column, and a short path.
     */
    private static String syntaxError(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int see = m.indexOf("\nSee ");
        if (see >= 0) {
            m = m.substring(0, see);
        }
        m = m.replace("com.google.gson.stream.MalformedJsonException: ", "");
        Matcher parts = GSON_SYNTAX.matcher(m);
        if (!parts.matches()) {
            return "malformed JSON: " + JsonFields.quote(m);
        }
        String what = parts.group(1);
        if (what.startsWith("Use JsonReader.setStrictness")) {
            what = "this is not strict JSON (names and strings need double quotes; comments, NaN, Infinity,"
                    + " leading zeros and unquoted words are not allowed)";
        } else if (what.startsWith("Nesting limit")) {
            what = "it is nested too deeply";
        } else if (what.startsWith("Unescaped control characters")) {
            what = "a string contains an unescaped control character";
        }
        String path = parts.group(4);
        return "malformed JSON: " + what + " at line " + parts.group(2) + " column " + parts.group(3)
                + (path.length() <= 2 ? "" : " (in " + JsonFields.quote(path) + ")"); // "$" and "$." say nothing
    }
}
