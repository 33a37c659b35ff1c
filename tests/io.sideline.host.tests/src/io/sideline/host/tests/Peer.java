package io.sideline.host.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;

/** A real WebSocket peer (the JDK's client) that records every message the host sends it. */
final class Peer implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final ProtocolCodec codec = ProtocolCodec.standard();
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    final List<String> raw = new ArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final HttpClient http;
    final WebSocket socket;

    Peer(URI uri) throws Exception {
        http = HttpClient.newHttpClient();
        socket = http.newWebSocketBuilder().buildAsync(uri, this).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    void send(String json) throws Exception {
        socket.sendText(json, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    void send(Message m) throws Exception {
        send(codec.encode(m));
    }

    /** @return the next message the host sent that matches, skipping others (heartbeats) */
    <T extends Message> T next(Class<T> type) throws Exception {
        return next(type, m -> true);
    }

    <T extends Message> T next(Class<T> type, Predicate<T> which) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Message m = inbox.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(m) && which.test(type.cast(m))) {
                return type.cast(m);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " arrived within " + WAIT.toSeconds() + " s; got " + raw);
    }

    /** @return every message received so far of a type, without waiting */
    <T extends Message> List<T> received(Class<T> type) {
        synchronized (raw) {
            List<T> out = new ArrayList<>();
            for (String s : raw) {
                try {
                    Message m = codec.decode(s);
                    if (type.isInstance(m)) {
                        out.add(type.cast(m));
                    }
                } catch (Exception e) {
                    throw new AssertionError("the host sent something that is not a protocol message: " + s);
                }
            }
            return out;
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            synchronized (raw) {
                raw.add(text);
            }
            try {
                inbox.add(codec.decode(text));
            } catch (Exception e) {
                inbox.add(new io.sideline.protocol.ErrorMessage("undecodable", text, null, null));
            }
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        socket.abort();
        http.close();
    }
}
