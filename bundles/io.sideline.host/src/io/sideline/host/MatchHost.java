package io.sideline.host;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import io.sideline.host.internal.HostCore;
import io.sideline.host.internal.PeerConnections;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolException;

/**
 * A running match host: a WebSocket endpoint at {@code /match}. Close it to stop; the journal keeps the
 * timeline, and a host started again on the same journal continues the sequence.
 */
public final class MatchHost implements AutoCloseable {

    /** the path peers connect to */
    public static final String PATH = "/match";

    private final Server jetty;
    private final HostCore core;
    private final PeerConnections connections;
    private final URI uri;

    private MatchHost(Server jetty, HostCore core, PeerConnections connections, URI uri) {
        this.jetty = jetty;
        this.core = core;
        this.connections = connections;
        this.uri = uri;
    }

    /**
     * Recovers the match's journal and starts serving peers.
     *
     * @throws Exception when the journal is damaged or the port cannot be bound; the message says which
     */
    public static MatchHost start(HostConfig config) throws Exception {
        HostCore core = HostCore.open(config);
        PeerConnections connections = new PeerConnections(core);
        try {
            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("host-" + config.matchId());
            Server jetty = new Server(threads);
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost(config.bindHost());
            connector.setPort(config.port());
            if (config.socketSendBuffer() > 0) {
                connector.setAcceptedSendBufferSize(config.socketSendBuffer());
            }
            jetty.addConnector(connector);
            WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(jetty, container -> {
                // Jetty refuses what is far over the limit; up to there the host answers with a readable error
                container.setMaxTextMessageSize(Math.max(4L * config.maxMessageBytes(), 1 << 20));
                container.setIdleTimeout(config.idleTimeout());
                container.addMapping(PATH, connections::create);
            });
            jetty.setHandler(ws);
            jetty.setStopTimeout(3_000);
            try {
                jetty.start();
            } catch (Exception e) {
                jetty.stop();
                throw new IllegalStateException("cannot listen on " + config.bindHost() + ":" + config.port() + ": "
                        + e.getMessage(), e);
            }
            String host = config.bindHost().equals("0.0.0.0") ? "127.0.0.1" : config.bindHost();
            URI uri = URI.create("ws://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort()
                    + PATH);
            config.log().accept("hosting " + config.name() + " (" + config.matchId() + ") at " + uri);
            return new MatchHost(jetty, core, connections, uri);
        } catch (Exception e) {
            connections.close();
            core.close();
            throw e;
        }
    }

    /** @return where peers connect, for example {@code ws://127.0.0.1:7070/match} */
    public URI uri() {
        return uri;
    }

    /** @return the TCP port */
    public int port() {
        return uri.getPort();
    }

    /** @return the newest sequence number: how many accepted messages the timeline holds */
    public long lastSeq() {
        return core.frames().size();
    }

    /** @return the timeline as accepted messages, seq 1 first */
    public List<Accepted> timeline() {
        ProtocolCodec codec = ProtocolCodec.standard();
        List<Accepted> out = new ArrayList<>();
        for (long seq = 1; seq <= core.frames().size(); seq++) {
            try {
                out.add((Accepted) codec.decode(core.frames().get(seq)));
            } catch (ProtocolException e) {
                throw new IllegalStateException("the host's own frame " + seq + " does not decode", e);
            }
        }
        return out;
    }

    /** @return the match's line-ups now: as it started, changed by its owner and by substitutions */
    public Lineups lineups() {
        return core.lineups();
    }

    /** @return how many identified peers are connected */
    public int peerCount() {
        return core.peerCount();
    }

    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            // stopping anyway
        }
        connections.close();
        try {
            core.close();
        } catch (Exception e) {
            // the journal is forced after every batch; nothing is lost by a failed close
        }
    }
}
