package io.sideline.replay.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.sideline.protocol.EventReport;
import io.sideline.protocol.Hello;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.TimelineEvent;

/**
 * One simulated peer's connection to a host: it says hello with its join token, waits for its setup, reads
 * the rest without keeping it, and sends reports.
 */
public final class PeerSocket implements WebSocket.Listener {

    private static final ProtocolCodec CODEC = ProtocolCodec.standard();

    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private final String token;
    private WebSocket socket;

    private PeerSocket(String token) {
        this.token = token;
    }

    /**
     * Connects to a host and says hello.
     *
     * @param host  the host's WebSocket address
     * @param token this peer's join token
     */
    public static PeerSocket connect(HttpClient http, URI host, String token) throws Exception {
        PeerSocket p = new PeerSocket(token);
        p.socket = http.newWebSocketBuilder().buildAsync(host, p).get(10, TimeUnit.SECONDS);
        p.socket.sendText(CODEC.encode(new Hello(token, 0L, "sideline-replay")), true).get(10, TimeUnit.SECONDS);
        return p;
    }

    /** Waits, at most 30 s, for the host's setup: the peer is then in the match. */
    public void awaitSetup() throws Exception {
        ready.get(30, TimeUnit.SECONDS);
    }

    /** Sends a report of a simulated peer, as sent at {@code sendTime}. */
    public void report(Instant sendTime, SimulatedReport r) throws Exception {
        socket.sendText(CODEC.encode(new EventReport(sendTime, token, new TimelineEvent(r.title(), r.origin(),
                r.eventTime(), r.player(), null, null, Map.of(), r.location()))), true).get(10, TimeUnit.SECONDS);
    }

    /** Drops the connection. */
    public void abort() {
        socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        if (!ready.isDone() && data.toString().contains("\"type\":\"setup\"")) {
            ready.complete(null);
        }
        ws.request(1);
        return null;
    }
}
