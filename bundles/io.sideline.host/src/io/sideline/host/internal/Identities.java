package io.sideline.host.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The users connected to a host, each with what all of its connections share: how many there are (at most
 * {@code maxConnections}), one rate limit for their reports, and one queue of reports waiting for the vote (at
 * most {@code maxQueued}). A user who opens more connections gets no more reports through. Thread-safe.
 */
final class Identities {

    /** One user's share of the host. */
    static final class Identity {
        final String user;
        final TokenBucket bucket;
        /** the user's reports and corrections waiting for the core thread */
        final Queue<HostCore.Work> queue = new ConcurrentLinkedQueue<>();
        final AtomicInteger queued = new AtomicInteger();
        /** whether the user is in the core thread's round of users with waiting work */
        final AtomicBoolean listed = new AtomicBoolean();
        /** guarded by {@link Identities} */
        private int connections;

        private Identity(String user, TokenBucket bucket) {
            this.user = user;
            this.bucket = bucket;
        }

        @Override
        public String toString() {
            return user;
        }
    }

    private final Map<String, Identity> users = new HashMap<>();
    private final int maxConnections;
    private final double rate;
    private final double burst;

    Identities(int maxConnections, double rate, double burst) {
        this.maxConnections = maxConnections;
        this.rate = rate;
        this.burst = burst;
    }

    /** @return the user's share with one more connection counted, or {@code null} when it holds the most already */
    synchronized Identity acquire(String user) {
        Identity id = users.computeIfAbsent(user, u -> new Identity(u, new TokenBucket(rate, burst)));
        if (id.connections >= maxConnections) {
            return null;
        }
        id.connections++;
        return id;
    }

    /**
     * Counts one connection of the user less. A user with no connection left, no waiting report and a full rate
     * limit is forgotten: coming back gives nothing a user who stayed would not have.
     */
    synchronized void release(Identity id) {
        id.connections--;
        if (id.connections <= 0 && id.queued.get() == 0 && id.bucket.isFull() && users.get(id.user) == id) {
            users.remove(id.user);
        }
    }

    /** @return how many connections the user holds */
    synchronized int connections(String user) {
        Identity id = users.get(user);
        return id == null ? 0 : id.connections;
    }
}
