package io.sideline.lookup.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two limits against abuse, both answered with 429 and a {@code Retry-After}:
 * <ul>
 * <li>requests per client address: a token bucket of {@code burst} requests refilled at {@code rate} per
 * second;</li>
 * <li>failed identifications: at most {@code maxFailures} per user name, and four times that per address,
 * within a sliding window; a success clears the user's count. An attempt counts as failed from the moment
 * it is let through until its password proves right, so parallel guesses get no more checks than serial
 * ones.</li>
 * </ul>
 * Memory is bounded: idle entries are dropped when the maps grow large.
 */
public final class Throttle {

    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final double rate;
    private final double burst;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    /** attempts and failures per "user:NAME" and "addr:ADDRESS"; every access holds its lock */
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    /**
     * @param rate        requests per second per address; 0 turns the request limit off
     * @param burst       requests an address may send at once
     * @param maxFailures failed identifications per user within the window
     * @param window      the failure window
     */
    public Throttle(Clock clock, double rate, double burst, int maxFailures, Duration window) {
        this.clock = clock;
        this.rate = rate;
        this.burst = burst;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    private static final class Bucket {
        double tokens;
        long lastNanos;
    }

    /** @return {@code null} if the address may make a request now, else how long it must wait */
    public Duration request(String address) {
        if (rate <= 0) {
            return null;
        }
        if (buckets.size() > MAX_ENTRIES) {
            buckets.clear();
        }
        long now = System.nanoTime();
        Bucket b = buckets.computeIfAbsent(address, a -> {
            Bucket fresh = new Bucket();
            fresh.tokens = burst;
            fresh.lastNanos = now;
            return fresh;
        });
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.lastNanos) / 1e9 * rate);
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return null;
            }
            return Duration.ofMillis((long) Math.ceil((1 - b.tokens) / rate * 1000));
        }
    }

    /**
     * One identification that was let through: it counts as a failure from the moment it is let through,
     * so that parallel guesses cannot all pass the check before any of them has failed. Say how it ended.
     */
    public final class Attempt {
        private final String user;
        private final String address;
        private final Instant at;
        private boolean ended;

        private Attempt(String user, String address, Instant at) {
            this.user = user;
            this.address = address;
            this.at = at;
        }

        /** the password was wrong: the attempt stays counted */
        public void failed() {
            synchronized (failures) {
                ended = true;
            }
        }

        /** the password was right: clears the user's failures and uncounts the attempt at the address */
        public void succeeded() {
            synchronized (failures) {
                if (!ended) {
                    ended = true;
                    failures.remove("user:" + user);
                    uncount("addr:" + address);
                }
            }
        }

        /** the password was not checked (the server was busy, say): the attempt no longer counts */
        public void cancel() {
            synchronized (failures) {
                if (!ended) {
                    ended = true;
                    uncount("user:" + user);
                    uncount("addr:" + address);
                }
            }
        }

        private void uncount(String key) {
            Deque<Instant> d = failures.get(key);
            if (d != null) {
                d.removeLastOccurrence(at);
            }
        }
    }

    /**
     * Lets an identification through, or not, and counts it at once (atomically for all threads): at most
     * {@code maxFailures} passwords per user (four times as many per address) are ever checked within the
     * window, parallel or not.
     *
     * @return the attempt, to be ended with {@link Attempt#failed()}, {@link Attempt#succeeded()} or
     *         {@link Attempt#cancel()}
     * @throws Refused with how long to wait when the user or the address has used up its attempts
     */
    public Attempt identify(String user, String address) throws Refused {
        synchronized (failures) {
            if (failures.size() > MAX_ENTRIES) {
                prune();
            }
            Duration u = wait(failures.get("user:" + user), maxFailures);
            Duration a = wait(failures.get("addr:" + address), maxFailures * 4);
            Duration longest = u == null ? a : a == null || u.compareTo(a) > 0 ? u : a;
            if (longest != null) {
                throw new Refused(longest);
            }
            Instant now = clock.instant();
            record("user:" + user, now);
            record("addr:" + address, now);
            return new Attempt(user, address, now);
        }
    }

    /** An identification refused before its password was checked; {@link #retryAfter()} says how long to wait. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Duration retryAfter;

        Refused(Duration retryAfter) {
            super(null, null, false, false);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }

    private void record(String key, Instant now) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        d.addLast(now);
        while (d.size() > maxFailures * 4) {
            d.removeFirst();
        }
    }

    private Duration wait(Deque<Instant> d, int max) {
        if (d == null) {
            return null;
        }
        Instant now = clock.instant();
        while (!d.isEmpty() && !d.peekFirst().isAfter(now.minus(window))) {
            d.removeFirst();
        }
        if (d.size() < max) {
            return null;
        }
        // the oldest failure that still counts must age out before another try
        Instant oldest = d.toArray(Instant[]::new)[d.size() - max];
        Duration left = Duration.between(now, oldest.plus(window));
        return left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left;
    }

    private void prune() {
        Instant cutoff = clock.instant().minus(window);
        failures.entrySet().removeIf(e -> e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(cutoff));
    }
}
