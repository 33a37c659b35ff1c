package io.sideline.lookup.server.internal;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import io.sideline.lookup.LookupError;
import io.sideline.lookup.internal.LookupJson;

/**
 * Keeps slow or greedy clients from tying up the server (issue 13). In front of {@link HttpApi}:
 * <ul>
 * <li>a request body is read without holding a thread (Jetty's content demand), and handed to the API only
 * once it is all there; a body that has not arrived within {@link #BODY_SECONDS} is answered 408 and its
 * connection closed;</li>
 * <li>a connection that has not sent its first request's headers within {@link #HEADER_SECONDS} is answered
 * 408 and closed;</li>
 * <li>one address may hold {@link #CONNECTIONS_PER_ADDRESS} connections; a request on one more is answered 429
 * with {@code Retry-After} and its connection closed.</li>
 * </ul>
 * Set it as the server's handler and add its {@link #connectionListener()} to the connector.
 */
public final class SlowClientGuard extends Handler.Wrapper {

    /** how long a request body may take to arrive, from the end of its headers */
    public static final int BODY_SECONDS = 10;
    /** how long a new connection may take to send its first request's headers */
    public static final int HEADER_SECONDS = 10;
    /** connections one client address may hold at once */
    public static final int CONNECTIONS_PER_ADDRESS = 64;

    private static final String JSON = "application/json; charset=utf-8";

    private final Clock clock;
    private final Consumer<String> log;
    private final Map<InetAddress, Integer> connections = new ConcurrentHashMap<>();
    /** connections beyond their address's limit: their requests are refused */
    private final Set<Connection> excess = ConcurrentHashMap.newKeySet();

    public SlowClientGuard(Handler api, Clock clock, Consumer<String> log) {
        super(api);
        this.clock = clock;
        this.log = log;
    }

    // ------------------------------------------------------------------------------------ connections

    private static InetAddress address(Connection c) {
        SocketAddress a = c.getEndPoint().getRemoteSocketAddress();
        return a instanceof InetSocketAddress i ? i.getAddress() : null;
    }

    /** @return what counts and times the connector's connections: add it to the connector */
    public Connection.Listener connectionListener() {
        return new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                opened(connection);
            }

            @Override
            public void onClosed(Connection connection) {
                closed(connection);
            }
        };
    }

    private void opened(Connection connection) {
        InetAddress address = address(connection);
        if (address != null && connections.merge(address, 1, Integer::sum) > CONNECTIONS_PER_ADDRESS) {
            excess.add(connection);
        }
        Scheduler scheduler = getServer() == null ? null : getServer().getScheduler();
        if (scheduler != null) {
            scheduler.schedule(() -> {
                if (connection.getEndPoint().isOpen() && connection.getMessagesIn() == 0) {
                    log.accept(clock.instant() + " " + (address == null ? "?" : address.getHostAddress())
                            + " (no request headers within " + HEADER_SECONDS + " s) 408");
                    closeWith408(connection.getEndPoint());
                }
            }, HEADER_SECONDS, TimeUnit.SECONDS);
        }
    }

    private void closed(Connection connection) {
        excess.remove(connection);
        InetAddress address = address(connection);
        if (address != null) {
            connections.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    /** answers a connection that never sent a whole request, then closes it */
    private static void closeWith408(EndPoint endPoint) {
        byte[] body = LookupJson.write(LookupJson.error(LookupError.BAD_REQUEST.code(), "no request arrived within "
                + HEADER_SECONDS + " s; the server closed the connection", null)).getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 408 Request Timeout\r\nContent-Type: " + JSON + "\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        endPoint.write(Callback.from(endPoint::close, x -> endPoint.close()), ByteBuffer.wrap(head), ByteBuffer.wrap(body));
    }

    // --------------------------------------------------------------------------------------- requests

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (excess.contains(request.getConnectionMetaData().getConnection())) {
            refuse(request, response, callback, 429, LookupError.RATE_LIMITED, "more than " + CONNECTIONS_PER_ADDRESS
                    + " connections from " + Request.getRemoteAddr(request) + "; close some and try again", 5);
            return true;
        }
        if (request.getLength() > LookupJson.MAX_BODY_BYTES) {
            // the API refuses it (413) from its declared length, without reading it
            return super.handle(new Buffered(request, new byte[0]), response, callback);
        }
        new BodyReader(request, response, callback).start();
        return true;
    }

    private void refuse(Request request, Response response, Callback callback, int status, LookupError error,
            String message, long retryAfterSeconds) {
        log.accept(clock.instant() + " " + Request.getRemoteAddr(request) + " \"" + request.getMethod() + " "
                + request.getHttpURI().getPathQuery() + "\" " + status + " (" + message + ")");
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        if (retryAfterSeconds > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        Content.Sink.write(response, true, LookupJson.write(LookupJson.error(error.code(), message, null)), callback);
    }

    /** Reads a body as it arrives, holding no thread while it waits, then hands the request to the API. */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean done = new AtomicBoolean();
        private Scheduler.Task deadline;

        BodyReader(Request request, Response response, Callback callback) {
            this.request = request;
            this.response = response;
            this.callback = callback;
        }

        void start() {
            deadline = getServer().getScheduler().schedule(this::tooSlow, BODY_SECONDS, TimeUnit.SECONDS);
            run();
        }

        private void tooSlow() {
            if (done.compareAndSet(false, true)) {
                refuse(request, response, callback, 408, LookupError.BAD_REQUEST, "the request body did not arrive "
                        + "within " + BODY_SECONDS + " s; the server closed the connection", 0);
            }
        }

        @Override
        public void run() {
            while (!done.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    if (done.compareAndSet(false, true)) {
                        deadline.cancel();
                        refuse(request, response, callback, 400, LookupError.BAD_REQUEST, "the request body could not "
                                + "be read: " + chunk.getFailure().getMessage(), 0);
                    }
                    return;
                }
                boolean last = chunk.isLast();
                ByteBuffer bytes = chunk.getByteBuffer();
                int room = LookupJson.MAX_BODY_BYTES + 1 - body.size();
                int n = Math.min(room, bytes.remaining());
                byte[] copy = new byte[n];
                bytes.get(copy);
                body.writeBytes(copy);
                chunk.release();
                if (last || body.size() > LookupJson.MAX_BODY_BYTES) {
                    if (done.compareAndSet(false, true)) {
                        deadline.cancel();
                        // the API refuses a body over the limit (413); the rest of it is not read
                        try {
                            if (!SlowClientGuard.super.handle(new Buffered(request, body.toByteArray()), response,
                                    callback)) {
                                callback.failed(new IllegalStateException("no handler"));
                            }
                        } catch (Exception e) {
                            callback.failed(e);
                        }
                    }
                    return;
                }
            }
        }
    }

    /** A request whose body has been read already. */
    private static final class Buffered extends Request.Wrapper {
        private Content.Chunk rest;

        Buffered(Request request, byte[] body) {
            super(request);
            rest = body.length == 0 ? Content.Chunk.EOF : Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk c = rest;
            rest = Content.Chunk.EOF;
            return c;
        }

        @Override
        public void demand(Runnable demandCallback) {
            demandCallback.run();
        }
    }
}
