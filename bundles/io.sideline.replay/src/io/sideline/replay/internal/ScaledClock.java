package io.sideline.replay.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The match's clock when a replay runs {@code speed} times faster than the match did. It shows the match's
 * start until {@link #start()}, so setting up (registering and connecting peers) costs no match time.
 */
public final class ScaledClock extends Clock {

    private final Instant matchStart;
    private volatile long realStart = Long.MIN_VALUE;
    private final double speed;

    public ScaledClock(Instant matchStart, double speed) {
        this.matchStart = matchStart;
        this.speed = speed;
    }

    /** starts the match clock now */
    public void start() {
        realStart = System.nanoTime();
    }

    @Override
    public Instant instant() {
        long origin = realStart;
        return origin == Long.MIN_VALUE ? matchStart : matchStart.plusNanos((long) ((System.nanoTime() - origin) * speed));
    }

    /** @return how long to wait in real time until the match clock shows {@code at} */
    public long realNanosUntil(Instant at) {
        long matchNanos = java.time.Duration.between(instant(), at).toNanos();
        return (long) (matchNanos / speed);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
