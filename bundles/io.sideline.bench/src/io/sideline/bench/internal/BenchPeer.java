package io.sideline.bench.internal;

import java.util.concurrent.CompletableFuture;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** One simulated peer: a real WebSocket client that counts what it receives and sends what it is told. Public for Jetty. */
public final class BenchPeer implements Session.Listener.AutoDemanding {

    private static final String SETUP = "{\"type\":\"setup\"";
    private static final String ERROR = "{\"type\":\"error\"";

    private final Deliveries sink;
    private final boolean waitForSetup;
    final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Session session;
    volatile String token;

    BenchPeer(Deliveries sink, boolean waitForSetup) {
        this.sink = sink;
        this.waitForSetup = waitForSetup;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        if (!waitForSetup) {
            ready.complete(null);
        }
    }

    @Override
    public void onWebSocketText(String text) {
        long now = System.nanoTime();
        long key = Frames.eventTime(text);
        if (key > 0) {
            sink.delivered(key, now);
        } else if (text.startsWith(SETUP)) {
            ready.complete(null);
        } else if (text.startsWith(ERROR)) {
            sink.problem(text);
        }
    }

    void send(String text) {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.sendText(text, Callback.NOOP);
        }
    }

    boolean isOpen() {
        Session s = session;
        return s != null && s.isOpen();
    }

    void close() {
        Session s = session;
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void onWebSocketClose(int status, String reason) {
        sink.closed.incrementAndGet();
        if (status != 1000 && status != 1001) {
            sink.problem("closed " + status + " " + reason);
        }
        ready.completeExceptionally(new IllegalStateException("closed " + status + " " + reason));
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        ready.completeExceptionally(cause);
    }
}
