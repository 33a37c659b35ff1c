package io.sideline.lookup.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

import com.google.gson.JsonObject;

import io.sideline.lookup.LookupError;
import io.sideline.lookup.MatchQuery;
import io.sideline.lookup.MatchState;
import io.sideline.lookup.internal.LookupJson;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.json.JsonFields;
import io.sideline.lookup.server.internal.store.StoreException;

/**
 * The HTTP API: routes, bodies, errors and the request log. Every answer is JSON; every refusal is
 * {@code {"code", "message"[, "field"]}} with its status. Bodies are read only up to
 * {@link LookupJson#MAX_BODY_BYTES}.
 */
public final class HttpApi extends Handler.Abstract {

    private static final String JSON = "application/json; charset=utf-8";
    /** what can be done to one match: POST /v1/matches/{id}/ACTION */
    private static final List<String> MATCH_ACTIONS = List.of("join", "heartbeat", "finish", "token-check");

    private final LookupService service;
    private final Throttle throttle;
    private final Clock clock;
    private final Consumer<String> log;

    public HttpApi(LookupService service, Throttle throttle, Clock clock, Consumer<String> log) {
        super(InvocationType.BLOCKING);
        this.service = service;
        this.throttle = throttle;
        this.clock = clock;
        this.log = log;
    }

    /** An answer: status and body, with an optional Retry-After or Allow header. */
    private record Reply(int status, JsonObject body, Duration retryAfter, String allow) {

        static Reply ok(int status, JsonObject body) {
            return new Reply(status, body, null, null);
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        String address = Request.getRemoteAddr(request);
        Reply reply;
        try {
            Duration wait = throttle.request(address);
            reply = wait != null
                    ? error(LookupError.RATE_LIMITED, "too many requests from " + address + "; slow down", null, wait)
                    : route(request, address);
        } catch (ApiException e) {
            reply = error(e.error(), e.getMessage(), e.field(), e.retryAfter());
        } catch (ProtocolException e) {
            reply = new Reply(LookupError.statusOf(e.error()), LookupJson.error(e.error().code(), e.getMessage(), e.field()),
                    null, null);
        } catch (StoreException e) {
            log.accept("error: database: " + firstLine(e.getCause() == null ? e : e.getCause()));
            reply = error(LookupError.INTERNAL, "the server could not store or read that; nothing was changed", null, null);
        } catch (RuntimeException | IOException e) {
            log.accept("error: " + firstLine(e));
            reply = error(LookupError.INTERNAL, "the server failed; nothing was changed", null, null);
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (reply.retryAfter() != null) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(seconds(reply.retryAfter())));
        }
        if (reply.allow() != null) {
            response.getHeaders().put(HttpHeader.ALLOW, reply.allow());
        }
        if (reply.status() == 401) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"sideline\"");
        }
        // logged before the answer leaves: once a client has its answer, the log has the line
        log.accept(clock.instant() + " " + address + " \"" + request.getMethod() + " " + request.getHttpURI().getPathQuery()
                + "\" " + reply.status() + " " + (System.nanoTime() - start) / 1_000_000 + "ms");
        Content.Sink.write(response, true, LookupJson.write(reply.body()), callback);
        return true;
    }

    /** @return whole seconds, rounded up: the {@code Retry-After} value and the figure in the message agree */
    static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    /** @return the exception's class and the first line of its message, for a one-line log entry */
    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int nl = m.indexOf('\n');
        m = nl >= 0 ? m.substring(0, nl) : m;
        if (m.length() > 200) {
            m = m.substring(0, 200) + "…";
        }
        return e.getClass().getSimpleName() + (m.isEmpty() ? "" : ": " + m);
    }

    private static Reply error(LookupError e, String message, String field, Duration retryAfter) {
        return new Reply(e.status(), LookupJson.error(e.code(), message, field), retryAfter, null);
    }

    private static Reply notAllowed(String method, String path, String allow) {
        return new Reply(405, LookupJson.error(LookupError.METHOD_NOT_ALLOWED.code(),
                method + " is not allowed on " + path + "; use " + allow, null), null, allow);
    }

    // ---------------------------------------------------------------------------------------- routes

    private Reply route(Request request, String address) throws ApiException, ProtocolException, IOException {
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        List<String> p = List.of(path.replaceAll("^/+|/+$", "").split("/+"));
        boolean get = HttpMethod.GET.is(method);
        boolean post = HttpMethod.POST.is(method);
        boolean delete = HttpMethod.DELETE.is(method);

        if (p.size() < 2 || !p.get(0).equals("v1")) {
            if (p.size() == 1 && p.get(0).equals("v1") || path.equals("/")) {
                return get ? Reply.ok(200, health()) : notAllowed(method, path, "GET");
            }
            throw notFound(path);
        }
        String resource = p.get(1);
        switch (resource) {
            case "health" -> {
                if (p.size() == 2) {
                    return get ? Reply.ok(200, health()) : notAllowed(method, path, "GET");
                }
            }
            case "users" -> {
                if (p.size() == 2) {
                    if (!post) {
                        return notAllowed(method, path, "POST");
                    }
                    String user = service.register(LookupJson.credentials(body(request)), address);
                    JsonObject o = new JsonObject();
                    o.addProperty("user", user);
                    return Reply.ok(201, o);
                }
            }
            case "sessions" -> {
                if (p.size() == 2) {
                    if (!post) {
                        return notAllowed(method, path, "POST");
                    }
                    return Reply.ok(201, LookupJson.session(service.identify(LookupJson.credentials(body(request)), address)));
                }
                if (p.size() == 3 && p.get(2).equals("current")) {
                    if (!delete) {
                        return notAllowed(method, path, "DELETE");
                    }
                    service.logout(bearer(request));
                    JsonObject o = new JsonObject();
                    o.addProperty("loggedOut", true);
                    return Reply.ok(200, o);
                }
            }
            case "matches" -> {
                return matches(request, method, path, p, get, post);
            }
            default -> {
                // falls through to not found
            }
        }
        throw notFound(path);
    }

    private Reply matches(Request request, String method, String path, List<String> p, boolean get, boolean post)
            throws ApiException, ProtocolException, IOException {
        if (p.size() == 2) {
            if (get) {
                service.authenticate(bearer(request));
                return Reply.ok(200, LookupJson.page(service.search(query(request))));
            }
            if (post) {
                String user = service.authenticate(bearer(request));
                return Reply.ok(201, LookupJson.match(service.create(user, LookupJson.draft(body(request)))));
            }
            return notAllowed(method, path, "GET, POST");
        }
        String id = p.get(2);
        if (p.size() == 3) {
            if (!get) {
                return notAllowed(method, path, "GET");
            }
            service.authenticate(bearer(request));
            return Reply.ok(200, LookupJson.match(service.get(id)));
        }
        if (p.size() == 4 && !MATCH_ACTIONS.contains(p.get(3))) {
            throw notFound(path);
        }
        if (p.size() == 4 && !post) {
            return notAllowed(method, path, "POST");
        }
        if (p.size() == 4) {
            LookupService.Caller caller = service.caller(bearer(request));
            String user = caller.user();
            switch (p.get(3)) {
                case "join" -> {
                    return Reply.ok(200, LookupJson.ticket(service.join(caller, id)));
                }
                case "heartbeat" -> {
                    JsonFields hb = optionalBody(request);
                    MatchState state = service.heartbeat(user, id, hb == null ? null : LookupJson.heartbeatHostUrl(hb));
                    JsonObject o = new JsonObject();
                    o.addProperty("state", state.wire());
                    return Reply.ok(200, o);
                }
                case "finish" -> {
                    return Reply.ok(200, LookupJson.match(service.finish(user, id)));
                }
                case "token-check" -> {
                    String token = body(request).token("token");
                    return Reply.ok(200, LookupJson.tokenCheck(service.checkToken(user, id, token)));
                }
                default -> {
                    // not found below
                }
            }
        }
        throw notFound(path);
    }

    private static ApiException notFound(String path) {
        return new ApiException(LookupError.NOT_FOUND, "no such endpoint: \"" + JsonFields.quote(path)
                + "\"; the endpoints are listed at GET /v1/health and in Sideline's protocol reference");
    }

    private static JsonObject health() {
        JsonObject o = new JsonObject();
        o.addProperty("service", "sideline-lookup");
        o.addProperty("api", "v1");
        o.addProperty("status", "ok");
        return o;
    }

    // ---------------------------------------------------------------------------------------- inputs

    private static String bearer(Request request) {
        String h = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).trim();
    }

    /** Reads the body, refusing more than the limit without reading it all. */
    private static JsonFields body(Request request) throws ProtocolException, IOException {
        byte[] bytes = bodyBytes(request);
        if (bytes.length == 0) {
            throw new ProtocolException(ProtocolError.MALFORMED_JSON, null, "the request has no body; send a JSON object");
        }
        return LookupJson.parse(bytes);
    }

    /** @return the body's fields, or {@code null} when the request has no body */
    private static JsonFields optionalBody(Request request) throws ProtocolException, IOException {
        byte[] bytes = bodyBytes(request);
        return bytes.length == 0 ? null : LookupJson.parse(bytes);
    }

    private static byte[] bodyBytes(Request request) throws ProtocolException, IOException {
        long declared = request.getLength();
        int max = LookupJson.MAX_BODY_BYTES;
        byte[] bytes;
        try (InputStream in = Content.Source.asInputStream(request)) {
            if (declared > max) {
                drain(in);
                throw tooLarge(declared, max);
            }
            bytes = in.readNBytes(max + 1);
            if (bytes.length > max) {
                drain(in);
                throw tooLarge(bytes.length, max);
            }
        }
        return bytes;
    }

    /**
     * Reads and drops what is left of a refused body (up to 1 MiB), so that the client, still sending, gets
     * the 413 instead of a reset connection. Beyond that the connection is simply closed.
     */
    private static void drain(InputStream in) throws IOException {
        long left = 1 << 20;
        byte[] sink = new byte[8192];
        int n;
        while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
            left -= n;
        }
    }

    private static ProtocolException tooLarge(long size, int max) {
        return new ProtocolException(ProtocolError.MESSAGE_TOO_LARGE, null, "the request body is at least " + size
                + " bytes; the limit is " + max + " bytes");
    }

    private static MatchQuery query(Request request) throws ProtocolException {
        Fields f;
        try {
            f = Request.extractQueryParameters(request);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Jetty refuses a query that is not percent-encoded UTF-8; the client sent it, so it is a 400
            throw new ProtocolException(ProtocolError.INVALID_VALUE, null, "the query string is not valid "
                    + "percent-encoded UTF-8");
        }
        String text = f.getValue("text");
        if (text != null && text.length() > 200) {
            throw new ProtocolException(ProtocolError.TOO_LONG, "text", "\"text\" is longer than 200 characters");
        }
        String sport = f.getValue("sport");
        LocalDate date = null;
        if (f.getValue("date") != null) {
            try {
                date = LocalDate.parse(f.getValue("date"));
            } catch (DateTimeParseException e) {
                throw new ProtocolException(ProtocolError.INVALID_VALUE, "date", "\"date\" must be a day such as 2021-06-11");
            }
        }
        MatchState state = null;
        if (f.getValue("state") != null) {
            state = MatchState.fromWire(f.getValue("state"));
            if (state == null) {
                throw new ProtocolException(ProtocolError.INVALID_VALUE, "state", "\"state\" must be scheduled, live, "
                        + "finished or host_lost");
            }
        }
        int page = intParam(f, "page", 0, 0, 1_000_000);
        int size = intParam(f, "size", MatchQuery.DEFAULT_SIZE, 1, MatchQuery.MAX_SIZE);
        return new MatchQuery(text == null || text.isBlank() ? null : text, sport, date, state, page, size);
    }

    private static int intParam(Fields f, String name, int fallback, int min, int max) throws ProtocolException {
        String v = f.getValue(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new ProtocolException(ProtocolError.OUT_OF_RANGE, name, "\"" + name + "\" must be between " + min
                        + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ProtocolException(ProtocolError.WRONG_TYPE, name, "\"" + name + "\" must be a whole number");
        }
    }
}
