package io.sideline.host.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;

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
import io.sideline.protocol.Lineup;
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
 * Guards: the connection must be identified within {@link HostConfig#helloTimeout()} of its creation, and
 * nothing it sends extends that; a binary frame closes it (1003); more than {@link HostConfig#pingLimit()} pings
 * in 10 seconds close it (1008). Once identified it counts against its user's connections, and its reports
 * against its user's rate limit and queue ({@link Identities}), which all the user's connections share.
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
    /** the window of {@link HostConfig#pingLimit()} */
    private static final long PING_WINDOW_NANOS = 10_000_000_000L;
    /** how long a connection the host closed may take to answer the close before it is cut */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private static final java.util.concurrent.atomic.AtomicLong SERIALS = new java.util.concurrent.atomic.AtomicLong();

    /** this connection's number in the host, unique for the host's life: a vote's decision finds it by it */
    final long serial = SERIALS.incrementAndGet();
    private final HostCore core;
    private final PeerConnections connections;
    private final String address;
    private final HostConfig config;
    private final ProtocolCodec codec;
    private final TokenBucket bucket;
    private final List<Message> early = new ArrayList<>();
    private volatile Session session;
    private volatile State state = State.NEW;
    private volatile String token;
    private volatile String identity;
    private volatile long lastRateNotice;
    private volatile ScheduledFuture<?> deadline;

    /** guards {@link #who} and {@link #gone} */
    private final Object life = new Object();
    /** the user's share, once identified */
    private Identities.Identity who;
    /** whether the connection's counts were given back */
    private boolean gone;

    private final Object pingLock = new Object();
    private long pingWindowStart = System.nanoTime();
    private int pings;

    private final Object sendLock = new Object();
    private boolean started;
    private boolean pumping;
    private long nextSeq;
    /** the newest seq when this peer joined: frames up to it are catch-up, which is never lag */
    private long joinedAt;
    private int inFlight;

    PeerConnection(HostCore core, PeerConnections connections, String address) {
        this.core = core;
        this.connections = connections;
        this.address = address;
        this.config = core.config();
        this.codec = new ProtocolCodec(new ProtocolLimits(config.maxMessageBytes(), ProtocolLimits.STANDARD.maxTextLength(),
                ProtocolLimits.STANDARD.maxTokenLength(), ProtocolLimits.STANDARD.maxListSize()));
        this.bucket = new TokenBucket(config.reportsPerSecond(), config.reportBurst());
    }

    void deadline(ScheduledFuture<?> task) {
        deadline = task;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        if (state == State.CLOSED) {
            s.disconnect(); // its hello deadline passed before the upgrade finished
        }
    }

    /** The hello deadline: a connection not identified by now is closed, whatever it has sent meanwhile. */
    void helloDeadline() {
        if (state == State.READY || state == State.CLOSED) {
            return;
        }
        if (session == null) {
            state = State.CLOSED; // the upgrade never finished: no close event will come
            leaveAll();
            return;
        }
        long seconds = Math.max(1, config.helloTimeout().toSeconds());
        config.log().accept("closed a connection from " + remote() + ": not identified within " + seconds + " s");
        closeWith(ErrorMessage.of(ProtocolError.NOT_IDENTIFIED, "no hello within " + seconds
                + " s of connecting: send {\"type\": \"hello\", \"token\": JOIN_TOKEN} first"), StatusCode.POLICY_VIOLATION,
                "no hello within " + seconds + " s");
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, org.eclipse.jetty.websocket.api.Callback callback) {
        callback.succeed();
        if (state == State.CLOSED) {
            return;
        }
        config.log().accept("closed a connection from " + remote() + ": it sent a binary frame");
        closeWith(ErrorMessage.of(ProtocolError.MALFORMED_JSON,
                "Sideline speaks JSON text frames; a binary frame is not accepted, and the connection is closed"),
                StatusCode.BAD_DATA, "unsupported data: Sideline speaks JSON text frames");
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        if (pinged()) {
            Session s = session;
            if (s != null) {
                s.sendPong(payload, org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        pinged();
    }

    /** @return whether this ping or pong is within the limit; if not, closes the connection */
    private boolean pinged() {
        synchronized (pingLock) {
            long now = System.nanoTime();
            if (now - pingWindowStart > PING_WINDOW_NANOS) {
                pingWindowStart = now;
                pings = 0;
            }
            if (++pings <= config.pingLimit()) {
                return true;
            }
        }
        if (state != State.CLOSED) {
            config.log().accept("closed a connection from " + remote() + ": more than " + config.pingLimit()
                    + " pings in 10 s");
            closeWith(ErrorMessage.of(ProtocolError.RATE_LIMITED, "more than " + config.pingLimit()
                    + " pings in 10 s; the connection is closed"), StatusCode.POLICY_VIOLATION,
                    "too many pings: at most " + config.pingLimit() + " in 10 s");
        }
        return false;
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
            Identities.Identity share = core.identities().acquire(user);
            if (share == null) {
                config.log().accept("refused a peer " + user + " from " + remote() + ": " + user + " holds "
                        + config.maxConnectionsPerIdentity() + " connections already");
                closeWith(ErrorMessage.of(ProtocolError.RATE_LIMITED, user + " holds " + config.maxConnectionsPerIdentity()
                        + " connections to this match already, the most one user may; close one and try again"),
                        StatusCode.POLICY_VIOLATION, "too many connections of one user");
                return;
            }
            synchronized (life) {
                if (!gone) {
                    who = share;
                    share = null;
                }
            }
            if (share != null) {
                core.identities().release(share); // closed while its token was checked
                return;
            }
            identity = user;
            core.join(this, lastSeq, () -> {
                config.log().accept("peer " + user + " joined from " + remote() + " at seq " + lastSeq);
                List<Message> queued;
                synchronized (early) {
                    if (state == State.CLOSED) {
                        return;
                    }
                    state = State.READY;
                    queued = new ArrayList<>(early);
                    early.clear();
                }
                ScheduledFuture<?> d = deadline;
                if (d != null) {
                    d.cancel(false);
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
        rateNotice("you are sending more than " + config.reportsPerSecond()
                + " messages a second; messages over the limit are dropped");
        return true;
    }

    /** tells the peer why something was dropped: once a second, not once per dropped message */
    private void rateNotice(String why) {
        long now = System.nanoTime();
        if (now - lastRateNotice > 1_000_000_000L) {
            lastRateNotice = now;
            sendError(ErrorMessage.of(ProtocolError.RATE_LIMITED, why));
        }
    }

    /** @return whether the user's shared rate limit lets one more report or correction through; if not, says so */
    private boolean userRateLimited(Identities.Identity share) {
        if (share.bucket.take()) {
            return false;
        }
        rateNotice(identity + " sends more than " + config.reportsPerSecond() + " reports a second over all its "
                + "connections; reports over the limit are dropped");
        return true;
    }

    private void queueFull() {
        rateNotice("the host is still voting on " + config.maxQueuedPerIdentity() + " earlier reports of " + identity
                + ", the most one user may have waiting; later ones are dropped until it catches up");
    }

    private void handle(Message m, Instant received) {
        Identities.Identity share;
        synchronized (life) {
            share = who;
        }
        if (share == null) {
            return; // closed
        }
        switch (m) {
            case EventReport r -> {
                if (!userRateLimited(share) && check(r.token(), r.event(), r.ref(), "event")
                        && !core.report(this, share, r, received)) {
                    queueFull();
                }
            }
            case Correction c -> {
                if (!userRateLimited(share) && check(c.token(), c.amended(), c.ref(), "event")
                        && !core.correct(this, share, c, received)) {
                    queueFull();
                }
            }
            case Lineup l -> {
                if (!userRateLimited(share)) {
                    core.lineup(this, identity, l);
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

    /**
     * Sends a setup again (the line-ups changed) to a peer that has had its first: unlike {@link #sendControl}
     * never dropped, so every peer ends with the newest line-ups. The core thread.
     */
    void sendSetup(String frame) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        synchronized (sendLock) {
            if (!started) {
                return;
            }
            inFlight++;
        }
        s.sendText(frame, Callback.from(this::sent, this::failed));
    }

    void sendError(ErrorMessage error) {
        sendControl(codec.encode(error));
    }

    private void closeWith(ErrorMessage error, int status) {
        closeWith(error, status, error.code());
    }

    /**
     * Sends the error, then closes with this status and reason. A peer that does not answer the close within a few
     * seconds is cut off: nothing it sends keeps the socket.
     */
    private void closeWith(ErrorMessage error, int status, String reason) {
        state = State.CLOSED;
        core.leave(this);
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        s.sendText(codec.encode(error), Callback.from(() -> s.close(status, reason, Callback.NOOP),
                t -> s.disconnect()));
        connections.schedule(s::disconnect, CLOSE_GRACE);
    }

    /** Gives back what the connection counted against its address and its user. Once. */
    private void leaveAll() {
        Identities.Identity share;
        synchronized (life) {
            if (gone) {
                return;
            }
            gone = true;
            share = who;
            who = null;
        }
        core.leave(this);
        ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
        if (share != null) {
            core.identities().release(share);
        }
        connections.release(address);
    }

    /** @return whether the connection is closed or closing */
    boolean isClosed() {
        return state == State.CLOSED;
    }

    private String remote() {
        Session s = session;
        return s == null ? "?" : String.valueOf(s.getRemoteSocketAddress());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        state = State.CLOSED;
        leaveAll();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        state = State.CLOSED;
        leaveAll();
    }
}
