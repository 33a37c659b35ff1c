package io.sideline.host.tests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Heartbeat;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.Setup;
import io.sideline.testing.HostFixture;

/** A real WebSocket peer (the JDK's client) that records every message the host sends it. */
final class Peer implements WebSocket.Listener, AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(20);

    private final ProtocolCodec codec = ProtocolCodec.standard();
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    /** every text the host sent, in order */
    final List<String> raw = new ArrayList<>();
    /** every text the host sent, decoded, in order (guarded by {@link #raw}) */
    private final List<Message> messages = new ArrayList<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final HttpClient http;
    final WebSocket socket;
    private volatile long highestSeq;
    private volatile int heartbeats;

    Peer(URI uri) throws Exception {
        this(uri, null);
    }

    /** a peer whose connection comes from this local (loopback) address, or any for {@code null} */
    Peer(URI uri, java.net.InetAddress local) throws Exception {
        HttpClient.Builder b = HttpClient.newBuilder();
        if (local != null) {
            b.localAddress(local);
        }
        http = b.build();
        socket = http.newWebSocketBuilder().buildAsync(uri, this).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** @return a peer connected to the fixture's host, which has sent nothing yet; the fixture closes it */
    static Peer connect(HostFixture f) throws Exception {
        return f.closeAtEnd(new Peer(f.host().uri()));
    }

    /** @return a peer identified with a hello, once it has received its setup */
    static Peer join(HostFixture f, String user) throws Exception {
        return join(f, user, 0);
    }

    static Peer join(HostFixture f, String user, long lastSeq) throws Exception {
        Peer p = connect(f);
        p.send(Wire.hello(f.token(user), lastSeq));
        p.next(Setup.class);
        return p;
    }

    /**
     * Waits until the host has handled everything these peers sent, then returns the timeline's newest seq as
     * a peer joining now is told it in its setup. Each peer's heartbeat is answered after its earlier
     * messages; a join is served by the host's one decision thread after the reports handed to it before.
     */
    static long settle(HostFixture f, Peer... reporters) throws Exception {
        for (Peer p : reporters) {
            p.echo();
        }
        try (Peer probe = new Peer(f.host().uri())) {
            probe.send(Wire.hello(f.token("ana"), Long.MAX_VALUE / 4));
            Setup s = probe.next(Setup.class);
            return s.lastSeq();
        }
    }

    /** sends a report of the user's in the protocol's own shape (top-level type) */
    static void report(HostFixture f, Peer p, String user, String title, String origin, long eventMillis)
            throws Exception {
        p.send(Wire.report(f.token(user), title, origin, eventMillis));
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
        throw new AssertionError("no " + type.getSimpleName() + " arrived within " + WAIT.toSeconds() + " s; got "
                + abbreviated());
    }

    /** @return every message received so far of a type, without waiting */
    <T extends Message> List<T> received(Class<T> type) {
        synchronized (raw) {
            List<T> out = new ArrayList<>();
            for (Message m : messages) {
                if (type.isInstance(m)) {
                    out.add(type.cast(m));
                }
            }
            return out;
        }
    }

    /** @return every text received so far, as sent, in order */
    List<String> texts() {
        synchronized (raw) {
            return List.copyOf(raw);
        }
    }

    /** @return every message received so far, in order */
    List<Message> messages() {
        synchronized (raw) {
            return List.copyOf(messages);
        }
    }

    /** @return the seq of every accepted message received so far, in the order they arrived */
    List<Long> seqs() {
        return received(Accepted.class).stream().map(Accepted::seq).toList();
    }

    /** @return the highest seq received so far, 0 for none */
    long highestSeq() {
        return highestSeq;
    }

    /** @return the errors received so far with this code */
    List<ErrorMessage> errors(String code) {
        return received(ErrorMessage.class).stream().filter(e -> e.code().equals(code)).toList();
    }

    /**
     * Sends a heartbeat until the host answers one. The host handles one connection's messages in order, so
     * when the answer arrives every message this peer sent before has been handled.
     */
    void echo() throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        int before = heartbeats;
        while (System.nanoTime() < end) {
            send("{\"type\": \"heartbeat\", \"time\": " + Instant.now().toEpochMilli() + "}");
            long retry = System.nanoTime() + 500_000_000L; // a rate-limited or window-limited heartbeat is dropped: ask again
            while (System.nanoTime() < retry) {
                if (heartbeats > before) {
                    return;
                }
                Thread.sleep(5);
            }
        }
        throw new AssertionError("the host did not answer a heartbeat within " + WAIT.toSeconds() + " s");
    }

    /** @return the close status once the connection is closed (-1 if it broke without a close frame) */
    int awaitClose() throws Exception {
        try {
            return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the connection was still open after " + WAIT.toSeconds() + " s; got " + abbreviated());
        }
    }

    private String abbreviated() {
        synchronized (raw) {
            String all = raw.toString();
            return all.length() > 4000 ? all.substring(0, 4000) + "… (" + raw.size() + " messages)" : all;
        }
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            Message m;
            try {
                m = codec.decode(text);
            } catch (Exception e) {
                m = new ErrorMessage("undecodable", text, null, null);
            }
            synchronized (raw) {
                raw.add(text);
                messages.add(m);
                if (m instanceof Accepted a && a.seq() > highestSeq) {
                    highestSeq = a.seq();
                }
                if (m instanceof Heartbeat) {
                    heartbeats++;
                }
            }
            inbox.add(m);
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
