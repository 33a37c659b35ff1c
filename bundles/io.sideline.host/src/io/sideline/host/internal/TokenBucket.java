package io.sideline.host.internal;

/** A rate limit: {@code burst} at once, refilled at {@code rate} per second. Thread-safe. */
final class TokenBucket {

    private final double rate;
    private final double burst;
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(double rate, double burst) {
        this.rate = rate;
        this.burst = burst;
        this.tokens = burst;
    }

    /** @return whether one more is allowed now */
    synchronized boolean take() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** @return whether nothing was taken that has not been refilled */
    synchronized boolean isFull() {
        refill();
        return tokens >= burst;
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) / 1e9 * rate);
        last = now;
    }
}
