package io.sideline.lookup.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.Page;
import io.sideline.lookup.Session;
import io.sideline.lookup.TokenCheck;
import io.sideline.lookup.internal.LookupJson;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.ProtocolLimits;
import io.sideline.protocol.json.JsonFields;
import io.sideline.protocol.json.StrictJson;

import org.jspecify.annotations.Nullable;

/**
 * Talks to one lookup server. Every call returns at once with a future that completes with the answer,
 * or exceptionally with a {@link LookupException} saying what the server refused, or that it did not
 * answer within the timeout. Thread-safe; share one per server and close it when done.
 */
public final class LookupClient implements AutoCloseable {

    /** the default time a request may take */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** how long {@link #await} waits for an answer: longer than a request's timeout, so that one retry fits */
    public static final Duration AWAIT = Duration.ofSeconds(15);
    /** the largest answer this client reads: a full page of matches fits many times over */
    private static final int MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

    private final URI base;
    private final Duration timeout;
    private final HttpClient http;

    private LookupClient(URI base, Duration timeout) {
        this.base = Objects.requireNonNull(base, "base");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        // the lookup server speaks HTTP/1.1 only: no h2c upgrade dance on the first request
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @return a client of the server at that URL, for example {@code http://127.0.0.1:8080} */
    public static LookupClient create(URI base) {
        return new LookupClient(base, DEFAULT_TIMEOUT);
    }

    /** @return a client whose requests time out after {@code timeout} */
    public static LookupClient create(URI base, Duration timeout) {
        return new LookupClient(base, timeout);
    }

    /** @return the server's URL */
    public URI base() {
        return base;
    }

    /**
     * Waits for a request made with this class, at most {@link #AWAIT}: for callers that run off the UI
     * thread and want the answer or one exception that says what failed.
     *
     * @param what what the request does, for the message: "register the match"
     * @throws LookupException the server's refusal, or {@code unreachable} / {@code timeout} saying what failed
     */
    public static <T> T await(CompletableFuture<T> future, String what) throws LookupException, InterruptedException {
        try {
            return future.get(AWAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LookupException l) {
                throw l;
            }
            throw LookupException.of(LookupError.UNREACHABLE, "could not " + what + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw LookupException.of(LookupError.TIMEOUT, "could not " + what + ": the lookup server did not answer in "
                    + AWAIT.toSeconds() + " s", e);
        }
    }

    // -------------------------------------------------------------------------------------- the API

    /**
     * Identifies a user, registering it first when asked: a user that already exists is then simply
     * identified (with the password it has). Completes with the session.
     *
     * @param register whether to register the user when it does not exist yet
     */
    public CompletableFuture<Session> signIn(String user, String password, boolean register) {
        if (!register) {
            return identify(user, password);
        }
        return register(user, password).handle((name, failure) -> failure)
                .thenCompose(failure -> {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    if (cause != null && !(cause instanceof LookupException e && e.is(LookupError.USER_EXISTS))) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    return identify(user, password);
                });
    }

    /** Registers a user. Completes with the user name. */
    public CompletableFuture<String> register(String user, String password) {
        return send("POST", "/v1/users", null, LookupJson.credentials(user, password), false)
                .thenApply(json -> read(json, f -> f.token("user")));
    }

    /** Identifies a user. Completes with a session for the later calls. */
    public CompletableFuture<Session> identify(String user, String password) {
        return send("POST", "/v1/sessions", null, LookupJson.credentials(user, password))
                .thenApply(json -> read(json, LookupJson::session));
    }

    /** Ends a session: its token stops working at once. */
    public CompletableFuture<Void> logout(Session session) {
        return send("DELETE", "/v1/sessions/current", session, null).thenApply(json -> null);
    }

    /** Searches matches. */
    public CompletableFuture<Page<Match>> search(Session session, MatchQuery query) {
        List<String> params = new ArrayList<>();
        add(params, "text", query.text());
        add(params, "sport", query.sport());
        LocalDate date = query.date();
        add(params, "date", date == null ? null : date.toString());
        MatchState state = query.state();
        add(params, "state", state == null ? null : state.wire());
        add(params, "page", Integer.toString(query.page()));
        add(params, "size", Integer.toString(query.size()));
        return send("GET", "/v1/matches?" + String.join("&", params), session, null)
                .thenApply(json -> read(json, f -> LookupJson.page(json)));
    }

    /** Gets one match. */
    public CompletableFuture<Match> match(Session session, String matchId) {
        return send("GET", "/v1/matches/" + segment(matchId), session, null).thenApply(json -> read(json, LookupJson::match));
    }

    /** Registers a match; the session's user becomes its owner and host. */
    public CompletableFuture<Match> create(Session session, MatchDraft draft) {
        return send("POST", "/v1/matches", session, LookupJson.draft(draft), false).thenApply(json -> read(json, LookupJson::match));
    }

    /** Asks to join a match. Completes with the host's address and a join token. */
    public CompletableFuture<JoinTicket> join(Session session, String matchId) {
        return send("POST", "/v1/matches/" + segment(matchId) + "/join", session, new JsonObject())
                .thenApply(json -> read(json, LookupJson::ticket));
    }

    /** The host says it is alive. Completes with the match's state. */
    public CompletableFuture<MatchState> heartbeat(Session host, String matchId) {
        return heartbeat(host, matchId, null);
    }

    /**
     * The host says it is alive, and where peers reach it now: a host that restarted on another port or
     * address keeps its match joinable. Completes with the match's state.
     *
     * @param hostUrl the host's WebSocket URL, or {@code null} to keep the registered one
     */
    public CompletableFuture<MatchState> heartbeat(Session host, String matchId, @Nullable String hostUrl) {
        return send("POST", "/v1/matches/" + segment(matchId) + "/heartbeat", host, LookupJson.heartbeatRequest(hostUrl))
                .thenApply(json -> read(json, f -> LookupJson.state(f, "state")));
    }

    /** The host says the match is over. */
    public CompletableFuture<Match> finish(Session host, String matchId) {
        return send("POST", "/v1/matches/" + segment(matchId) + "/finish", host, new JsonObject())
                .thenApply(json -> read(json, LookupJson::match));
    }

    /** The host asks whether a peer's join token lets it into the host's match. */
    public CompletableFuture<TokenCheck> checkToken(Session host, String matchId, String joinToken) {
        return send("POST", "/v1/matches/" + segment(matchId) + "/token-check", host,
                LookupJson.tokenCheckRequest(joinToken)).thenApply(json -> read(json, f -> LookupJson.tokenCheck(json)));
    }

    // ------------------------------------------------------------------------------------ transport

    private static void add(List<String> params, String name, @Nullable String value) {
        if (value != null) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private CompletableFuture<JsonObject> send(String method, String path, @Nullable Session session,
            @Nullable JsonObject body) {
        return send(method, path, session, body, true);
    }

    /**
     * Sends a request. A kept-alive connection the server closed just as the request went out fails before a
     * single byte of the answer arrives; a request whose repetition does no harm (everything but registering
     * a user and creating a match) is then sent once more, on a fresh connection.
     */
    private CompletableFuture<JsonObject> send(String method, String path, @Nullable Session session,
            @Nullable JsonObject body, boolean repeatable) {
        HttpRequest request = request(method, path, session, body);
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, failure) -> {
                    if (failure != null && repeatable && closedBeforeAnswer(failure)) {
                        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    }
                    return failure != null ? CompletableFuture.<HttpResponse<String>>failedFuture(failure)
                            : CompletableFuture.completedFuture(response);
                })
                .thenCompose(f -> f)
                .handle((response, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(transportError(failure));
                    }
                    return answer(response);
                });
    }

    /** @return whether the connection ended before any byte of the answer came */
    private static boolean closedBeforeAnswer(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EOFException
                    || (t instanceof IOException && t.getMessage() != null && t.getMessage().contains("received no bytes"))) {
                return true;
            }
        }
        return false;
    }

    private HttpRequest request(String method, String path, @Nullable Session session,
            @Nullable JsonObject body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (session != null) {
            b.header("Authorization", "Bearer " + session.token());
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
            b.method(method, HttpRequest.BodyPublishers.ofString(LookupJson.write(body), StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return b.build();
    }

    private LookupException transportError(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return LookupException.of(LookupError.TIMEOUT, "the lookup server at " + base + " did not answer within "
                    + timeout.toSeconds() + " s", cause);
        }
        String why = cause instanceof ConnectException ? "nothing is listening there"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return LookupException.of(LookupError.UNREACHABLE, "cannot reach the lookup server at " + base + ": " + why, cause);
    }

    private JsonObject answer(HttpResponse<String> response) {
        JsonObject json;
        try {
            json = StrictJson.parseObject(response.body(), MAX_RESPONSE_BYTES);
        } catch (ProtocolException e) {
            throw new CompletionException(new LookupException("bad_response", response.statusCode(),
                    "the server at " + base + " answered HTTP " + response.statusCode() + " with something that is not "
                            + "the lookup API (" + e.getMessage() + ")", null, null));
        }
        if (response.statusCode() >= 200 && response.statusCode() < 300) {
            return json;
        }
        JsonElement code = json.get("code");
        JsonElement message = json.get("message");
        JsonElement field = json.get("field");
        Duration retry = response.headers().firstValueAsLong("Retry-After").stream().mapToObj(Duration::ofSeconds)
                .findFirst().orElse(null);
        throw new CompletionException(new LookupException(
                code != null && code.isJsonPrimitive() ? code.getAsString() : "http_" + response.statusCode(),
                response.statusCode(),
                message != null && message.isJsonPrimitive() ? message.getAsString() : "HTTP " + response.statusCode(),
                field != null && field.isJsonPrimitive() ? field.getAsString() : null, retry));
    }

    /** A reader of a response body. */
    @FunctionalInterface
    private interface Reader<T> {
        T read(JsonFields f) throws ProtocolException;
    }

    private <T> T read(JsonObject json, Reader<T> reader) {
        try {
            return reader.read(new JsonFields(json, "", ProtocolLimits.STANDARD));
        } catch (ProtocolException e) {
            throw new CompletionException(new LookupException("bad_response", 200, "the server at " + base
                    + " sent an answer this client does not understand: " + e.getMessage(), e.field(), null));
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
