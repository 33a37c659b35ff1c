package io.sideline.protocol.internal;

import java.io.IOException;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;

import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;

/**
 * Builds a JSON tree like Gson's own adapter, but refuses a name that appears twice in one object.
 * Gson keeps the last of two equal names silently, so {@code {"token": "mine", "token": "yours"}} would
 * read differently here than in another peer's parser: a message means one thing or is refused.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /**
     * @param in         a reader positioned at a value, in strict mode
     * @param primitives Gson's adapter, which reads numbers, strings, booleans and null
     * @return the value
     */
    public static JsonElement read(JsonReader in, TypeAdapter<JsonElement> primitives)
            throws IOException, ProtocolException {
        return read(in, primitives, "");
    }

    private static JsonElement read(JsonReader in, TypeAdapter<JsonElement> primitives, String path)
            throws IOException, ProtocolException {
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
                    object.add(name, read(in, primitives, at));
                }
                in.endObject();
                return object;
            }
            case BEGIN_ARRAY -> {
                JsonArray array = new JsonArray();
                in.beginArray();
                while (in.hasNext()) {
                    array.add(read(in, primitives, path + "[" + array.size() + "]"));
                }
                in.endArray();
                return array;
            }
            default -> {
                return primitives.read(in);
            }
        }
    }
}
