package io.sideline.host.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

import io.sideline.host.HostConfig;
import io.sideline.protocol.Correction;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.EventReport;
import io.sideline.protocol.Heartbeat;
import io.sideline.protocol.Hello;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.ProtocolLimits;
import io.sideline.protocol.TimelineEvent;

/**
 * One peer's WebSocket connection. Its first message identifies it (a {@code hello}, or a report of the
 * original design, which carries the token too); then it reports and receives the timeline.
 * <p>
 * Sending: the peer is a cursor into the host's {@link FrameLog}. At most {@code sendWindow} frames are
 * handed to Jetty at once; each written frame pulls the next. A peer that falls more than {@code maxLag}
 * frames behind the events accepted since it joined is told to resync and closed: a slow peer never holds
 * back the others, and its outgoing queue never grows past the window. Catching up on the timeline that
 * existed when it joined is not falling behind. Public because Jetty calls it.
 */
public final class PeerConnection implements Session.Listener.AutoDemanding {

    private enum State { NEW, IDENTIFYING, READY, CLOSED }

    private static final int MAX_EARLY = 100;

    private final HostCore core;
    private final HostConfig config;
    private final ProtocolCodec codec;
    private final TokenBucket bucket;
    private final List<Message> early = new ArrayList<>();
    private volatile Session session;
    private volatile State state = State.NEW;
    private volatile String token;
    private volatile String identity;
    private volatile long lastRateNotice;

    private final Object sendLock = new Object();
    private boolean started;
    private boolean pumping;
    private long nextSeq;
    /** the newest seq when this peer joined: frames up to it are catch-up, which is never lag */
    private long joinedAt;
    private int inFlight;

    PeerConnection(HostCore core) {
        this.core = core;
        this.config = core.config();
        this.codec = new ProtocolCodec(new ProtocolLimits(config.maxMessageBytes(), ProtocolLimits.STANDARD.maxTextLength(),
                ProtocolLimits.STANDARD.maxTokenLength(), ProtocolLimits.STANDARD.maxListSize()));
        this.bucket = new TokenBucket(config.reportsPerSecond(), config.reportBurst());
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
    }

    @Override
    public void onWebSocketText(String text) {
        Instant received = config.clock().instant();
        Message m;
        try {
            m = codec.decode(text);
        } catch (ProtocolException e) {
            if (rateLimited()) {
                return;
            }
            sendError(e.toErrorMessage(null));
            return;
        }
        switch (state) {
            case NEW -> first(m);
            case IDENTIFYING -> {
                synchronized (early) {
                    // the state is read again under the lock the join drains the queue under: nothing slips between
                    if (state == State.READY) {
                        if (!rateLimited()) {
                            handle(m, received);
                        }
                        return;
                    }
                    if (early.size() < MAX_EARLY && (m instanceof EventReport || m instanceof Correction)) {
                        early.add(m);
                        return;
                    }
                }
                closeWith(ErrorMessage.of(ProtocolError.NOT_IDENTIFIED,
                        "only reports may wait while your token is checked; wait for the setup message"),
                        StatusCode.POLICY_VIOLATION);
            }
            case READY -> {
                if (!rateLimited()) {
                    handle(m, received);
                }
            }
            case CLOSED -> {
                // the connection is going away
            }
        }
    }

    private void first(Message m) {
        switch (m) {
            case Hello h -> {
                Long lastSeq = h.lastSeq();
                identify(h.token(), lastSeq == null ? 0 : lastSeq, null);
            }
            case EventReport r -> identify(r.token(), 0, r); // a client of the original design: its report carries the token
            default -> closeWith(ErrorMessage.of(ProtocolError.NOT_IDENTIFIED,
                    "identify first: send {\"type\": \"hello\", \"token\": JOIN_TOKEN}"), StatusCode.POLICY_VIOLATION);
        }
    }

    private void identify(String joinToken, long lastSeq, EventReport firstReport) {
        state = State.IDENTIFYING;
        token = joinToken;
        if (firstReport != null) {
            synchronized (early) {
                early.add(firstReport);
            }
        }
        config.verifier().verify(joinToken).whenComplete((user, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                ProtocolException refusal = cause instanceof ProtocolException p ? p
                        : new ProtocolException(ProtocolError.INTERNAL, "token", "the host could not check your token");
                config.log().accept("refused a peer from " + remote() + ": " + refusal.getMessage());
                closeWith(refusal.toErrorMessage(null), StatusCode.POLICY_VIOLATION);
                return;
            }
            identity = user;
            core.join(this, lastSeq, () -> {
                config.log().accept("peer " + user + " joined from " + remote() + " at seq " + lastSeq);
                List<Message> queued;
                synchronized (early) {
                    state = State.READY;
                    queued = new ArrayList<>(early);
                    early.clear();
                }
                Instant now = config.clock().instant();
                queued.forEach(q -> handle(q, now));
            });
        });
    }

    private boolean rateLimited() {
        if (bucket.take()) {
            return false;
        }
        long now = System.nanoTime();
        if (now - lastRateNotice > 1_000_000_000L) { // one notice a second, not one per dropped message
            lastRateNotice = now;
            sendError(ErrorMessage.of(ProtocolError.RATE_LIMITED, "you are sending more than " + config.reportsPerSecond()
                    + " messages a second; messages over the limit are dropped"));
        }
        return true;
    }

    private void handle(Message m, Instant received) {
        switch (m) {
            case EventReport r -> {
                if (check(r.token(), r.event(), r.ref(), "event")) {
                    core.report(this, identity, r, received);
                }
            }
            case Correction c -> {
                if (check(c.token(), c.amended(), c.ref(), "event")) {
                    core.correct(this, identity, c, received);
                }
            }
            case Heartbeat h -> sendControl(codec.encode(new Heartbeat(config.clock().instant(), (long) core.frames().size())));
            case Hello h -> sendError(ErrorMessage.of(ProtocolError.INVALID_VALUE, "this connection is already identified"));
            case ErrorMessage e -> config.log().accept("peer " + identity + " reports an error: " + e.code() + ": " + e.message());
            default -> sendError(new ErrorMessage(ProtocolError.INVALID_VALUE.code(), "peers do not send \"" + m.type()
                    + "\" messages; the host does", "type", null));
        }
    }

    /** @return whether a report's token and event fit this connection and this match; if not, says why */
    private boolean check(String reportToken, TimelineEvent event, String ref, String path) {
        if (!reportToken.equals(token)) {
            // bad_token closes the connection (ProtocolError.closesConnection()): a client that obeys it reconnects
            closeWith(new ErrorMessage(ProtocolError.BAD_TOKEN.code(),
                    "this message carries another token than the one this connection identified with", "token", ref),
                    StatusCode.POLICY_VIOLATION);
            return false;
        }
        if (event == null) {
            return true;
        }
        if (!config.actions().contains(event.title())) {
            sendError(new ErrorMessage(ProtocolError.INVALID_VALUE.code(), "\"" + event.title()
                    + "\" is not an action of this match; the setup message lists them", path + ".title", ref));
            return false;
        }
        if (!config.origins().contains(event.origin())) {
            sendError(new ErrorMessage(ProtocolError.INVALID_VALUE.code(), "\"" + event.origin()
                    + "\" is not a team of this match; the setup message lists them", path + ".origin", ref));
            return false;
        }
        return true;
    }

    // --------------------------------------------------------------------------------------- sending

    /** Sends the setup and points the cursor at the first frame this peer lacks. Core thread. */
    void start(String setupFrame, long fromSeq) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        synchronized (sendLock) {
            inFlight++;
        }
        s.sendText(setupFrame, Callback.from(this::sent, this::failed));
        synchronized (sendLock) {
            nextSeq = fromSeq;
            joinedAt = core.frames().size();
            started = true;
        }
    }

    /**
     * Hands Jetty the frames this peer lacks, up to the window. Any thread; never blocks. The frames of one pass
     * are batched, so that Jetty writes them to the socket together, and the last one flushes the batch.
     */
    void pump() {
        synchronized (sendLock) {
            if (pumping || !started) {
                return;
            }
            pumping = true;
        }
        while (true) {
            ByteBuffer frame;
            boolean more;
            synchronized (sendLock) {
                int newest = core.frames().size();
                if (state == State.CLOSED) {
                    pumping = false;
                    return;
                }
                // behind on what was accepted since it joined: a peer catching up on a long match is not slow
                if (newest - Math.max(nextSeq - 1, joinedAt) > config.maxLag()) {
                    pumping = false;
                    started = false;
                    long held = nextSeq - 1;
                    closeWith(ErrorMessage.of(ProtocolError.RESYNC, "you are " + (newest - held)
                            + " events behind; reconnect with a hello whose lastSeq is " + held), StatusCode.TRY_AGAIN_LATER);
                    return;
                }
                if (inFlight >= config.sendWindow() || nextSeq > newest) {
                    pumping = false;
                    return;
                }
                frame = core.frames().buffer(nextSeq);
                nextSeq++;
                inFlight++;
                more = nextSeq <= newest && inFlight < config.sendWindow();
            }
            sendShared(frame, more);
        }
    }

    /**
     * Sends a frame of the shared log: Jetty's core session takes the bytes as they are, with no copy. Jetty 12's
     * server sessions are {@link WebSocketSession}s.
     */
    private void sendShared(ByteBuffer utf8, boolean batch) {
        ((WebSocketSession) session).getCoreSession().sendFrame(new Frame(OpCode.TEXT, utf8),
                org.eclipse.jetty.util.Callback.from(this::sent, this::failed), batch);
    }

    private void sent() {
        synchronized (sendLock) {
            inFlight--;
        }
        pump();
    }

    private void failed(Throwable t) {
        synchronized (sendLock) {
            inFlight--;
        }
        Session s = session;
        if (s != null) {
            s.disconnect();
        }
    }

    /** Sends a message outside the timeline (heartbeat, error) if the peer is not backed up. */
    void sendControl(String frame) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        synchronized (sendLock) {
            if (inFlight >= config.sendWindow()) {
                return; // a peer that cannot keep up with the timeline does not need chatter
            }
            inFlight++;
        }
        s.sendText(frame, Callback.from(this::sent, this::failed));
    }

    void sendError(ErrorMessage error) {
        sendControl(codec.encode(error));
    }

    private void closeWith(ErrorMessage error, int status) {
        state = State.CLOSED;
        core.leave(this);
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        s.sendText(codec.encode(error), Callback.from(() -> s.close(status, error.code(), Callback.NOOP),
                t -> s.disconnect()));
    }

    private String remote() {
        Session s = session;
        return s == null ? "?" : String.valueOf(s.getRemoteSocketAddress());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        state = State.CLOSED;
        core.leave(this);
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        state = State.CLOSED;
        core.leave(this);
    }
}
