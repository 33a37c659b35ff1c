package io.sideline.lookup.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Two limits against abuse, both answered with 429 and a {@code Retry-After}:
 * <ul>
 * <li>requests per client address: a token bucket of {@code burst} requests refilled at {@code rate} per
 * second;</li>
 * <li>failed identifications: at most {@code maxFailures} per user name, and four times that per address,
 * within a sliding window; a success clears the user's count.</li>
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
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

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

    /** @return {@code null} if this user may try to identify from this address now, else how long to wait */
    public Duration identifyAllowed(String user, String address) {
        Duration u = wait(failures.get("user:" + user), maxFailures);
        Duration a = wait(failures.get("addr:" + address), maxFailures * 4);
        if (u == null) {
            return a;
        }
        return a == null || u.compareTo(a) > 0 ? u : a;
    }

    /** records a failed identification */
    public void failed(String user, String address) {
        if (failures.size() > MAX_ENTRIES) {
            prune();
        }
        Instant now = clock.instant();
        record("user:" + user, now);
        record("addr:" + address, now);
    }

    /** clears a user's failures after a successful identification */
    public void succeeded(String user) {
        failures.remove("user:" + user);
    }

    private void record(String key, Instant now) {
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(now);
            while (d.size() > maxFailures * 4) {
                d.removeFirst();
            }
        }
    }

    private Duration wait(Deque<Instant> d, int max) {
        if (d == null) {
            return null;
        }
        Instant now = clock.instant();
        synchronized (d) {
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
    }

    private void prune() {
        Instant cutoff = clock.instant().minus(window);
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(cutoff);
            }
        });
    }
}
