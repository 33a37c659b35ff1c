package io.sideline.lookup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Plain HTTP/1.1 requests to a lookup server, without {@link io.sideline.lookup.client.LookupClient}, so a
 * test decides every byte of the body and every header.
 */
final class RawHttp implements AutoCloseable {

    private final URI base;
    private final HttpClient http;

    RawHttp(URI base) {
        this(base, null);
    }

    /** @param local the address to connect from, or {@code null} for any */
    RawHttp(URI base, InetAddress local) {
        this.base = base;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).followRedirects(HttpClient.Redirect.NEVER);
        if (local != null) {
            b.localAddress(local);
        }
        this.http = b.build();
    }

    /** @return the answer to a request with that method, path (and query), bearer token (or null) and body */
    HttpResponse<String> send(String method, String path, String token, BodyPublisher body) throws Exception {
        return sendAuthorized(method, path, token == null ? null : "Bearer " + token, body);
    }

    /** @return the answer to a request with that Authorization header (or none) */
    HttpResponse<String> sendAuthorized(String method, String path, String authorization, BodyPublisher body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1))
                .method(method, body);
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (body.contentLength() != 0) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return send("GET", path, token, BodyPublishers.noBody());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        return send("POST", path, token, BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String token, JsonObject json) throws Exception {
        return post(path, token, json.toString());
    }

    /** @return the body of a successful answer, parsed; fails the test on another status */
    static JsonObject ok(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), () -> r.request().method() + " " + r.request().uri() + ": " + r.body());
        return json(r);
    }

    /**
     * Asserts that an answer is a refusal a person can read: that status, a JSON body with that code, the
     * offending field (when {@code field} is not null) and a message that is not blank.
     *
     * @return the error body
     */
    static JsonObject assertError(HttpResponse<String> r, int status, String code, String field) {
        String what = r.request().method() + " " + r.request().uri() + " answered " + r.statusCode() + " " + r.body();
        assertEquals(status, r.statusCode(), what);
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
        JsonObject o = json(r);
        assertEquals(code, string(o, "code"), what);
        String message = string(o, "message");
        assertFalse(message == null || message.isBlank(), "an error explains itself: " + what);
        if (field != null) {
            assertEquals(field, string(o, "field"), what);
        }
        return o;
    }

    static JsonObject json(HttpResponse<String> r) {
        try {
            JsonElement e = JsonParser.parseString(r.body());
            assertTrue(e.isJsonObject(), "the body is a JSON object: " + r.body());
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            return fail("the body is not JSON: " + r.body(), e);
        }
    }

    private static String string(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }

    @Override
    public void close() {
        http.close();
    }
}
