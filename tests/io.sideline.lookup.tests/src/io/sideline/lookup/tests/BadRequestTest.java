package io.sideline.lookup.tests;

import static io.sideline.lookup.tests.LookupServerFixture.PASSWORD;
import static io.sideline.lookup.tests.RawHttp.assertError;
import static io.sideline.lookup.tests.RawHttp.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.sideline.lookup.internal.LookupJson;
import io.sideline.testing.MutableClock;

/**
 * Requests a client gets wrong, sent as raw HTTP: each is refused with the right status and a JSON body
 * that says what is wrong (and which field), nothing half-done is stored, and the server keeps serving.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadRequestTest {

    @TempDir
    static Path data;

    /** one server for the refusals that change nothing; tests that move the clock or trip a limit start their own */
    private static LookupServerFixture lookup;
    private static RawHttp http;
    private static String ana;

    @BeforeAll
    static void start() throws Exception {
        lookup = new LookupServerFixture(data, new MutableClock(Instant.parse("2021-06-11T17:00:00Z")),
                b -> b.requestLimit(0, 0));
        http = new RawHttp(lookup.server.uri());
        ok(http.post("/v1/users", null, LookupJson.credentials("ana", PASSWORD)), 201);
        ana = identify(http, "ana");
    }

    @AfterAll
    static void stop() {
        http.close();
        lookup.close();
    }

    private static String identify(RawHttp h, String user) throws Exception {
        return ok(h.post("/v1/sessions", null, LookupJson.credentials(user, PASSWORD)), 201).get("token").getAsString();
    }

    // ------------------------------------------------------------------------------------- bodies

    @ParameterizedTest
    @ValueSource(strings = { "{\"user\":", "user=ana&password=secret", "{user: \"ana\", password: \"correct horse\"}",
            "{\"user\":\"ana\",\"password\":\"correct horse\",}", "{\"user\":\"ana\"} {\"password\":\"x\"}", " " })
    void aBodyThatIsNotJsonIsMalformedJson(String body) throws Exception {
        assertError(http.post("/v1/users", null, body), 400, "malformed_json", null);
    }

    @Test
    void aRequestWithoutTheBodyItNeedsIsMalformedJson() throws Exception {
        assertError(http.send("POST", "/v1/sessions", null, BodyPublishers.noBody()), 400, "malformed_json", null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "[\"ana\", \"correct horse\"]", "\"ana\"", "42", "null" })
    void aBodyThatIsJsonButNotAnObjectIsTheWrongType(String body) throws Exception {
        assertError(http.post("/v1/users", null, body), 400, "wrong_type", null);
    }

    @Test
    void aBodyThatIsNotUtf8IsMalformedAndNothingIsRegistered() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"user\":\"carla\",\"password\":\"correct horse ".getBytes(StandardCharsets.US_ASCII));
        body.write(0xC3); // the first byte of a two-byte sequence, cut short
        body.writeBytes("\"}".getBytes(StandardCharsets.US_ASCII));
        assertError(http.send("POST", "/v1/users", null, BodyPublishers.ofByteArray(body.toByteArray())), 400,
                "malformed_json", null);

        ok(http.post("/v1/users", null, LookupJson.credentials("carla", PASSWORD)), 201);
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of("{\"user\":\"ana\"}", "password"),
                Arguments.of("{\"password\":\"correct horse\"}", "user"),
                Arguments.of("{\"user\":null,\"password\":\"correct horse\"}", "user"),
                Arguments.of("{}", "user"));
    }

    @ParameterizedTest
    @MethodSource("missingFields")
    void aMissingFieldIsNamed(String body, String field) throws Exception {
        assertError(http.post("/v1/sessions", null, body), 400, "missing_field", field);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("{\"user\":\"ana\",\"password\":12345678}", "password"),
                Arguments.of("{\"user\":[\"ana\"],\"password\":\"correct horse\"}", "user"),
                Arguments.of("{\"user\":\"ana\",\"password\":{\"text\":\"correct horse\"}}", "password"),
                Arguments.of("{\"user\":true,\"password\":\"correct horse\"}", "user"));
    }

    @ParameterizedTest
    @MethodSource("wrongTypes")
    void aFieldOfTheWrongTypeIsNamed(String body, String field) throws Exception {
        assertError(http.post("/v1/sessions", null, body), 400, "wrong_type", field);
    }

    @Test
    void aTokenCheckWithoutATokenIsRefused() throws Exception {
        String id = ok(http.post("/v1/matches", ana, validDraft()), 201).get("id").getAsString();
        assertError(http.post("/v1/matches/" + id + "/token-check", ana, "{}"), 400, "missing_field", "token");
        assertError(http.post("/v1/matches/" + id + "/token-check", ana, "{\"token\":7}"), 400, "wrong_type", "token");
    }

    @Test
    void aHeartbeatWithABadHostAddressIsRefusedAndTheRegisteredAddressStays() throws Exception {
        String id = ok(http.post("/v1/matches", ana, validDraft()), 201).get("id").getAsString();
        String registered = ok(http.get("/v1/matches/" + id, ana), 200).get("hostUrl").getAsString();
        JsonObject refused = assertError(http.post("/v1/matches/" + id + "/heartbeat", ana,
                "{\"hostUrl\":\"http://192.0.2.10:7070/match\"}"), 400, "invalid_value", "hostUrl");
        assertTrue(refused.get("message").getAsString().contains("WebSocket URL"), refused.toString());
        assertError(http.post("/v1/matches/" + id + "/heartbeat", ana, "{\"hostUrl\":7070}"), 400, "wrong_type",
                "hostUrl");
        assertEquals(registered, ok(http.get("/v1/matches/" + id, ana), 200).get("hostUrl").getAsString(),
                "a refused heartbeat changes nothing");
        ok(http.send("POST", "/v1/matches/" + id + "/heartbeat", ana, BodyPublishers.noBody()), 200);
        assertEquals(registered, ok(http.get("/v1/matches/" + id, ana), 200).get("hostUrl").getAsString(),
                "a heartbeat without a body keeps the address");
    }

    // ------------------------------------------------------------------------------------ too large

    /** @return a registration body of exactly {@code size} bytes, with a password too long for the rules */
    private static byte[] bodyOf(int size) {
        String head = "{\"user\":\"big\",\"password\":\"";
        String tail = "\"}";
        byte[] body = (head + "x".repeat(size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
        assertEquals(size, body.length);
        return body;
    }

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = { false, true })
    void aBodyOverSixtyFourKibIsTooLarge(boolean chunked) throws Exception {
        byte[] body = bodyOf(70 * 1024);
        var publisher = chunked ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : BodyPublishers.ofByteArray(body);
        assertEquals(chunked ? -1 : body.length, publisher.contentLength(), "chunked means no Content-Length");

        assertError(http.send("POST", "/v1/users", null, publisher), 413, "message_too_large", null);
        ok(http.get("/v1/health", null), 200);
    }

    @ParameterizedTest(name = "chunked: {0}")
    @ValueSource(booleans = { false, true })
    void sixtyFourKibIsTheLastSizeThatIsRead(boolean chunked) throws Exception {
        byte[] limit = bodyOf(LookupJson.MAX_BODY_BYTES);
        byte[] over = bodyOf(LookupJson.MAX_BODY_BYTES + 1);
        assertError(http.send("POST", "/v1/users", null, chunked
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(limit))
                : BodyPublishers.ofByteArray(limit)), 400, "too_long", "password");
        assertError(http.send("POST", "/v1/users", null, chunked
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(over))
                : BodyPublishers.ofByteArray(over)), 413, "message_too_large", null);
    }

    // ------------------------------------------------------------------------------ paths and methods

    @Test
    void anUnknownMatchIsNotFound() throws Exception {
        JsonObject e = assertError(http.get("/v1/matches/nosuchmatch1", ana), 404, "not_found", null);
        assertTrue(e.get("message").getAsString().contains("nosuchmatch1"), e.toString());
        assertError(http.post("/v1/matches/nosuchmatch1/join", ana, "{}"), 404, "not_found", null);
        assertError(http.post("/v1/matches/nosuchmatch1/heartbeat", ana, "{}"), 404, "not_found", null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/v2/matches", "/v1/nothing", "/favicon.ico", "/v1/sessions/mine", "/v1/health/deep",
            "/v1/matches/abc/leave" })
    void anUnknownPathIsNotFound(String path) throws Exception {
        JsonObject e = assertError(http.post(path, ana, "{}"), 404, "not_found", null);
        assertTrue(e.get("message").getAsString().contains("no such endpoint: \"" + path + "\""), e.toString());
        assertError(http.get(path, ana), 404, "not_found", null); // whatever the method: there is nothing there
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PUT    | /v1/matches                 | GET, POST",
            "DELETE | /v1/matches                 | GET, POST",
            "GET    | /v1/users                   | POST",
            "GET    | /v1/sessions                | POST",
            "POST   | /v1/sessions/current        | DELETE",
            "DELETE | /v1/matches/abc             | GET",
            "GET    | /v1/matches/abc/join        | POST",
            "POST   | /v1/health                  | GET",
            "POST   | /                           | GET",
            "PUT    | /v1                         | GET" })
    void aWrongMethodIsNotAllowedAndTheAnswerSaysWhichAre(String method, String path, String allow) throws Exception {
        HttpResponse<String> r = http.send(method, path, ana, BodyPublishers.noBody());
        assertError(r, 405, "method_not_allowed", null);
        assertEquals(allow, r.headers().firstValue("Allow").orElse(null), "the Allow header lists the methods");
    }

    // -------------------------------------------------------------------------------- authorization

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "GET    | /v1/matches",
            "POST   | /v1/matches",
            "GET    | /v1/matches/abc",
            "POST   | /v1/matches/abc/join",
            "POST   | /v1/matches/abc/heartbeat",
            "POST   | /v1/matches/abc/finish",
            "POST   | /v1/matches/abc/token-check",
            "DELETE | /v1/sessions/current" })
    void withoutASessionEveryMatchRequestIsUnauthorized(String method, String path) throws Exception {
        var body = method.equals("POST") ? BodyPublishers.ofString(validDraft().toString()) : BodyPublishers.noBody();
        assertError(http.send(method, path, null, body), 401, "unauthorized", null);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Basic YW5hOmNvcnJlY3QgaG9yc2U=", "Bearer", "Bearer ", "ana" })
    void anAuthorizationThatIsNotABearerTokenIsUnauthorized(String authorization) throws Exception {
        assertError(http.sendAuthorized("GET", "/v1/matches", authorization, BodyPublishers.noBody()), 401,
                "unauthorized", null);
    }

    @Test
    void aForgedSessionTokenIsUnauthorized() throws Exception {
        String forged = ana.substring(0, ana.length() - 4) + (ana.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertError(http.get("/v1/matches", forged), 401, "unauthorized", null);
        assertError(http.get("/v1/matches", "x".repeat(43)), 401, "unauthorized", null);
        ok(http.get("/v1/matches", ana), 200);
    }

    @Test
    void afterLogoutTheOldTokenIsUnauthorizedAndOtherSessionsAreNot() throws Exception {
        String second = identify(http, "ana");
        ok(http.get("/v1/matches", second), 200);

        JsonObject bye = ok(http.send("DELETE", "/v1/sessions/current", second, BodyPublishers.noBody()), 200);
        assertTrue(bye.get("loggedOut").getAsBoolean());

        assertError(http.get("/v1/matches", second), 401, "unauthorized", null);
        assertError(http.send("DELETE", "/v1/sessions/current", second, BodyPublishers.noBody()), 401, "unauthorized",
                null);
        ok(http.get("/v1/matches", ana), 200);
    }

    @Test
    void aSessionExpiresAfterTwelveHours(@TempDir Path own) throws Exception {
        try (LookupServerFixture f = new LookupServerFixture(own); RawHttp h = new RawHttp(f.server.uri())) {
            ok(h.post("/v1/users", null, LookupJson.credentials("ana", PASSWORD)), 201);
            JsonObject session = ok(h.post("/v1/sessions", null, LookupJson.credentials("ana", PASSWORD)), 201);
            String token = session.get("token").getAsString();
            assertEquals(f.clock.instant().plus(Duration.ofHours(12)), Instant.parse(session.get("expiresAt").getAsString()));

            f.clock.advance(Duration.ofHours(12).minusSeconds(1));
            ok(h.get("/v1/matches", token), 200);

            f.clock.advance(Duration.ofSeconds(1));
            assertError(h.get("/v1/matches", token), 401, "unauthorized", null);
        }
    }

    // ---------------------------------------------------------------------------------- identifying

    @Test
    void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() throws Exception {
        HttpResponse<String> wrongPassword = http.post("/v1/sessions", null,
                LookupJson.credentials("ana", "not the password"));
        HttpResponse<String> unknownUser = http.post("/v1/sessions", null, LookupJson.credentials("nobody", PASSWORD));

        assertError(wrongPassword, 401, "bad_credentials", null);
        assertError(unknownUser, 401, "bad_credentials", null);
        assertEquals("Bearer realm=\"sideline\"", wrongPassword.headers().firstValue("WWW-Authenticate").orElse(null),
                "a 401 says how to authenticate (RFC 7235)");
        assertArrayEquals(wrongPassword.body().getBytes(StandardCharsets.UTF_8),
                unknownUser.body().getBytes(StandardCharsets.UTF_8), "nothing tells whether the user exists");
        ok(http.post("/v1/sessions", null, LookupJson.credentials("ana", PASSWORD)), 201);
    }

    @Test
    void repeatedFailuresLockTheUserNameUntilTheWindowPasses(@TempDir Path own) throws Exception {
        try (LookupServerFixture f = new LookupServerFixture(own); RawHttp h = new RawHttp(f.server.uri())) {
            ok(h.post("/v1/users", null, LookupJson.credentials("ana", PASSWORD)), 201);
            ok(h.post("/v1/users", null, LookupJson.credentials("ben", PASSWORD)), 201);
            for (int i = 0; i < 5; i++) {
                assertError(h.post("/v1/sessions", null, LookupJson.credentials("ana", "guess number " + i)), 401,
                        "bad_credentials", null);
            }

            for (String spelling : List.of("ana", "ANA")) {
                HttpResponse<String> locked = h.post("/v1/sessions", null, LookupJson.credentials(spelling, PASSWORD));
                assertError(locked, 429, "rate_limited", null);
                long retryAfter = Long.parseLong(locked.headers().firstValue("Retry-After").orElse("0"));
                assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After says when: " + retryAfter);
                assertTrue(locked.body().contains("try again in " + retryAfter + " s"),
                        "the message and the header name the same wait: " + locked.body());
            }
            ok(h.post("/v1/sessions", null, LookupJson.credentials("ben", PASSWORD)), 201);

            f.clock.advance(Duration.ofMinutes(15));
            ok(h.post("/v1/sessions", null, LookupJson.credentials("ana", PASSWORD)), 201);
        }
    }

    @Test
    void aFloodFromOneAddressIsRateLimitedAndOtherAddressesAreNot(@TempDir Path own) throws Exception {
        try (LookupServerFixture f = new LookupServerFixture(own, new MutableClock(Instant.parse("2021-06-11T17:00:00Z")),
                b -> b.requestLimit(1, 5)); RawHttp h = new RawHttp(f.server.uri())) {
            for (int i = 0; i < 5; i++) {
                ok(h.get("/v1/health", null), 200); // the burst
            }
            HttpResponse<String> limited = null;
            for (int i = 0; i < 50 && limited == null; i++) {
                HttpResponse<String> r = h.get("/v1/health", null);
                if (r.statusCode() != 200) {
                    limited = r;
                }
            }
            assertTrue(limited != null, "50 requests beyond a burst of 5 at 1 per second are refused at some point");
            assertError(limited, 429, "rate_limited", null);
            assertTrue(Long.parseLong(limited.headers().firstValue("Retry-After").orElse("0")) > 0,
                    "Retry-After says when to come back");

            try (RawHttp neighbour = new RawHttp(f.server.uri(), InetAddress.getByName("127.0.0.2"))) {
                ok(neighbour.get("/v1/health", null), 200);
            }
        }
    }

    // ---------------------------------------------------------------------------------------- search

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "size=0              | size  | out_of_range",
            "size=101            | size  | out_of_range",
            "size=ten            | size  | wrong_type",
            "page=-1             | page  | out_of_range",
            "page=two            | page  | wrong_type",
            "date=2021-13-40     | date  | invalid_value",
            "date=11.06.2021     | date  | invalid_value",
            "state=nope          | state | invalid_value",
            "state=LIVE          | state | invalid_value" })
    void aBadSearchParameterIsNamed(String query, String field, String code) throws Exception {
        assertError(http.get("/v1/matches?" + query, ana), 400, code, field);
    }

    @Test
    void aSearchTextOverTwoHundredCharactersIsTooLong() throws Exception {
        assertError(http.get("/v1/matches?text=" + "a".repeat(201), ana), 400, "too_long", "text");
        ok(http.get("/v1/matches?text=" + "a".repeat(200), ana), 200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "text=%C3", "text=%FF%FE", "sport=%E2%82" })
    void aQueryThatIsNotUtf8IsABadRequestNotAServerFailure(String query) throws Exception {
        assertError(http.get("/v1/matches?" + query, ana), 400, "invalid_value", null);
    }

    @Test
    void theEdgesOfTheSearchParametersAreAccepted() throws Exception {
        JsonObject page = ok(http.get("/v1/matches?size=100&page=0&date=2021-06-11&state=host_lost", ana), 200);
        assertEquals(100, page.get("size").getAsInt());
        page = ok(http.get("/v1/matches?size=1&page=1000000", ana), 200);
        assertEquals(0, page.getAsJsonArray("items").size());
    }

    // ---------------------------------------------------------------------------------------- drafts

    static JsonObject validDraft() {
        JsonObject d = new JsonObject();
        d.addProperty("name", "Turkey – Italy, UEFA Euro 2020");
        d.addProperty("sport", "football");
        JsonArray origins = new JsonArray();
        origins.add("Turkey");
        origins.add("Italy");
        d.add("origins", origins);
        d.addProperty("scheduledStart", "2021-06-11T19:00:00Z");
        JsonObject quorum = new JsonObject();
        quorum.addProperty("minVotes", 2);
        quorum.addProperty("fraction", 0.5);
        d.add("quorum", quorum);
        d.addProperty("hostUrl", "ws://192.0.2.10:7070/match");
        return d;
    }

    private static JsonArray strings(String... values) {
        JsonArray a = new JsonArray();
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    private static Arguments draft(String what, Consumer<JsonObject> change, String field, String code) {
        return Arguments.of(what, change, field, code);
    }

    static Stream<Arguments> badDrafts() {
        List<String> sixtyFive = new ArrayList<>();
        for (int i = 0; i < 65; i++) {
            sixtyFive.add("Team " + i);
        }
        JsonArray withNull = strings("Turkey");
        withNull.add(JsonNull.INSTANCE);
        return Stream.of(
                draft("one origin", d -> d.add("origins", strings("Turkey")), "origins", "invalid_value"),
                draft("no origins", d -> d.add("origins", new JsonArray()), "origins", "invalid_value"),
                draft("65 origins", d -> d.add("origins", strings(sixtyFive.toArray(String[]::new))), "origins",
                        "invalid_value"),
                draft("a duplicate origin", d -> d.add("origins", strings("Turkey", "Italy", "turkey ")), "origins[2]",
                        "invalid_value"),
                draft("a null origin", d -> d.add("origins", withNull), "origins[1]", "missing_field"),
                draft("a blank origin", d -> d.add("origins", strings("Turkey", "  ")), "origins[1]", "invalid_value"),
                draft("origins as one string", d -> d.addProperty("origins", "Turkey, Italy"), "origins", "wrong_type"),
                draft("an http host", d -> d.addProperty("hostUrl", "http://x"), "hostUrl", "invalid_value"),
                draft("a host without a host", d -> d.addProperty("hostUrl", "ws:///match"), "hostUrl", "invalid_value"),
                draft("a host that is no URL", d -> d.addProperty("hostUrl", "ws://a b"), "hostUrl", "invalid_value"),
                draft("no host", d -> d.remove("hostUrl"), "hostUrl", "missing_field"),
                draft("a sport with a space", d -> d.addProperty("sport", "Foot Ball"), "sport", "invalid_value"),
                draft("a sport in capitals", d -> d.addProperty("sport", "Football"), "sport", "invalid_value"),
                draft("no name", d -> d.remove("name"), "name", "missing_field"),
                draft("a blank name", d -> d.addProperty("name", "   "), "name", "invalid_value"),
                draft("a name of 201 characters", d -> d.addProperty("name", "n".repeat(201)), "name", "too_long"),
                draft("a name with a line break", d -> d.addProperty("name", "Turkey\nItaly"), "name", "invalid_value"),
                draft("a start that is no time", d -> d.addProperty("scheduledStart", "tomorrow"), "scheduledStart",
                        "invalid_value"),
                draft("a start that is true", d -> d.addProperty("scheduledStart", true), "scheduledStart", "wrong_type"),
                draft("quorum minVotes 0", d -> d.getAsJsonObject("quorum").addProperty("minVotes", 0),
                        "quorum.minVotes", "out_of_range"),
                draft("quorum minVotes 1001", d -> d.getAsJsonObject("quorum").addProperty("minVotes", 1001),
                        "quorum.minVotes", "out_of_range"),
                draft("quorum minVotes 1.5", d -> d.getAsJsonObject("quorum").addProperty("minVotes", 1.5),
                        "quorum.minVotes", "wrong_type"),
                draft("quorum fraction 1.5", d -> d.getAsJsonObject("quorum").addProperty("fraction", 1.5),
                        "quorum.fraction", "out_of_range"),
                draft("quorum fraction -0.1", d -> d.getAsJsonObject("quorum").addProperty("fraction", -0.1),
                        "quorum.fraction", "out_of_range"),
                draft("quorum as a number", d -> d.add("quorum", new JsonPrimitive(2)), "quorum", "wrong_type"));
    }

    private static long total() throws Exception {
        return ok(http.get("/v1/matches?size=1", ana), 200).get("total").getAsLong();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void aBadDraftIsRefusedNamingTheFieldAndNothingIsStored(String what, Consumer<JsonObject> change, String field,
            String code) throws Exception {
        long before = total();
        JsonObject draft = validDraft();
        change.accept(draft);

        assertError(http.post("/v1/matches", ana, draft), 400, code, field);
        assertEquals(before, total(), "no half-written match after refusing " + what);
    }

    @Test
    void theDraftTheRefusalsStartFromIsAccepted() throws Exception {
        long before = total();
        JsonObject created = ok(http.post("/v1/matches", ana, validDraft()), 201);
        assertEquals("ana", created.get("owner").getAsString());
        assertEquals(before + 1, total());
    }

    /**
     * The largest draft the rules allow, written with characters that grow where the server keeps them: JSON
     * escapes quotes and backslashes, Gson writes {@code & < >} and U+2028 as six characters, and lower-casing
     * for search turns "İ" into two.
     */
    @ParameterizedTest
    @ValueSource(strings = { "İ", "\u2028", "\"\\", "&<>" })
    void aDraftAtEveryLimitIsStoredWhole(String filler) throws Exception {
        String sport = "limit-" + Integer.toHexString(filler.hashCode());
        sport += "s".repeat(64 - sport.length());
        JsonObject d = validDraft();
        d.addProperty("name", ("Name " + filler.repeat(200)).substring(0, 200));
        d.addProperty("sport", sport);
        JsonArray origins = new JsonArray();
        for (int i = 0; i < LookupJson.MAX_ORIGINS; i++) {
            origins.add((i + " " + filler.repeat(200)).substring(0, 200));
        }
        d.add("origins", origins);
        d.addProperty("hostUrl", "ws://192.0.2.10:7070/" + "m".repeat(512 - "ws://192.0.2.10:7070/".length()));
        String body = d.toString().replace("\\u2028", "\u2028"); // as UTF-8, to stay within the body limit
        assertTrue(body.getBytes(StandardCharsets.UTF_8).length <= LookupJson.MAX_BODY_BYTES, "the body fits");

        JsonObject created = ok(http.post("/v1/matches", ana, body), 201);
        JsonObject read = ok(http.get("/v1/matches/" + created.get("id").getAsString(), ana), 200);
        for (String field : List.of("name", "sport", "origins", "hostUrl")) {
            assertEquals(d.get(field), read.get(field), field);
        }
        JsonObject found = ok(http.get("/v1/matches?sport=" + sport + "&text=" + URLEncoder.encode("63 " + filler,
                StandardCharsets.UTF_8), ana), 200);
        assertEquals(1, found.get("total").getAsLong(), "it is found by its teams");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theServerStillAnswersAfterEveryRefusal() throws Exception {
        JsonObject health = ok(http.get("/v1/health", null), 200);
        assertEquals("ok", health.get("status").getAsString());
        assertNotEquals(0, lookup.log.size());
        assertFalse(lookup.log.stream().anyMatch(l -> l.startsWith("error:")), "no request made the server fail: "
                + lookup.log.stream().filter(l -> l.startsWith("error:")).toList());
    }
}
