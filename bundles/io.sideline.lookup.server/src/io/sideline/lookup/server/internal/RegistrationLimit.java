package io.sideline.lookup.server.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} registrations per client address within a sliding window. A registration reserves its place
 * before the (slow) password hashing, so registrations sent at once cannot all slip under the limit, and gives it
 * back when it does not happen (the name was taken). Counts live in memory, per server: they start from zero when
 * the server restarts. Memory is bounded: addresses with nothing in the window are dropped when the map grows large.
 */
final class RegistrationLimit {

    private static final int MAX_ENTRIES = 100_000;

    private final Clock clock;
    private final int max;
    private final Duration window;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    /**
     * @param max    registrations per address within the window; 0 for no limit
     * @param window the window
     */
    RegistrationLimit(Clock clock, int max, Duration window) {
        this.clock = clock;
        this.max = max;
        this.window = window;
    }

    /** A place reserved for one registration. */
    record Reservation(String address, Instant at) {
    }

    /**
     * @return the reserved place, or {@code null} when there is no limit
     * @throws ApiException {@code 429 rate_limited} with the time to wait, when the address has used its registrations
     */
    Reservation reserve(String address) throws ApiException {
        if (max <= 0) {
            return null;
        }
        if (recent.size() > MAX_ENTRIES) {
            prune();
        }
        Instant now = clock.instant();
        Deque<Instant> d = recent.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (d) {
            while (!d.isEmpty() && !d.peekFirst().isAfter(now.minus(window))) {
                d.removeFirst();
            }
            if (d.size() >= max) {
                Duration wait = Duration.between(now, d.toArray(Instant[]::new)[d.size() - max].plus(window));
                if (wait.isNegative() || wait.isZero()) {
                    wait = Duration.ofSeconds(1);
                }
                throw new ApiException(io.sideline.lookup.LookupError.RATE_LIMITED, max + " users were registered from "
                        + address + " within " + words(window) + ", the most this server allows; try again in "
                        + HttpApi.seconds(wait) + " s", null, wait);
            }
            d.addLast(now);
            return new Reservation(address, now);
        }
    }

    /** gives back a place for a registration that did not happen */
    void release(Reservation r) {
        if (r == null) {
            return;
        }
        Deque<Instant> d = recent.get(r.address());
        if (d != null) {
            synchronized (d) {
                d.removeLastOccurrence(r.at());
            }
        }
    }

    private void prune() {
        Instant cutoff = clock.instant().minus(window);
        recent.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(cutoff);
            }
        });
    }

    /** @return a window in words: "1 hour", "90 minutes", "45 seconds" */
    static String words(Duration d) {
        if (d.toSeconds() % 3600 == 0) {
            long h = d.toHours();
            return h == 1 ? "1 hour" : h + " hours";
        }
        if (d.toSeconds() % 60 == 0) {
            long m = d.toMinutes();
            return m == 1 ? "1 minute" : m + " minutes";
        }
        return d.toSeconds() + " seconds";
    }
}
