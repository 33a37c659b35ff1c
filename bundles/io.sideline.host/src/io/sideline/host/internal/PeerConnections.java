package io.sideline.host.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;

import io.sideline.host.HostConfig;

/**
 * Creates the WebSocket endpoint of each new connection, after counting it against its client address: an address
 * that holds {@link HostConfig#maxConnectionsPerAddress()} open connections is refused with HTTP 429 at the upgrade,
 * before any WebSocket exists. Also keeps the connections' timers (the hello deadline, the last word before a
 * forced disconnect) on one thread of their own, off the vote's thread.
 */
public final class PeerConnections implements AutoCloseable {

    private final HostCore core;
    private final HostConfig config;
    /** open connections per client address; guarded by itself */
    private final Map<String, Integer> perAddress = new HashMap<>();
    private final ScheduledThreadPoolExecutor timers;

    public PeerConnections(HostCore core) {
        this.core = core;
        this.config = core.config();
        this.timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "host-timers-" + config.matchId());
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true); // an identified peer's deadline does not linger
    }

    /**
     * The WebSocket creator: a new endpoint, or {@code null} after answering 429 when the client's address holds
     * its most connections already.
     */
    public Object create(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String address = Request.getRemoteAddr(request);
        synchronized (perAddress) {
            int open = perAddress.getOrDefault(address, 0);
            if (open >= config.maxConnectionsPerAddress()) {
                config.log().accept("refused a connection from " + address + ": it holds " + open
                        + " connections, the most one address may");
                Response.writeError(request, response, callback, 429, "too many connections from " + address
                        + ": at most " + config.maxConnectionsPerAddress() + " per address; close some first");
                return null;
            }
            perAddress.put(address, open + 1);
        }
        return open(address);
    }

    private PeerConnection open(String address) {
        PeerConnection p = new PeerConnection(core, this, address);
        p.deadline(schedule(p::helloDeadline, config.helloTimeout()));
        return p;
    }

    /** counts a connection from this address less; once per connection */
    void release(String address) {
        synchronized (perAddress) {
            Integer open = perAddress.get(address);
            if (open == null) {
                return;
            }
            if (open <= 1) {
                perAddress.remove(address);
            } else {
                perAddress.put(address, open - 1);
            }
        }
    }

    /** @return how many connections this address holds */
    public int connections(String address) {
        synchronized (perAddress) {
            return perAddress.getOrDefault(address, 0);
        }
    }

    ScheduledFuture<?> schedule(Runnable task, Duration after) {
        try {
            return timers.schedule(task, after.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            return null; // the host is stopping: Jetty closes every connection
        }
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
