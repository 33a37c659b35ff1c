package io.sideline.replay.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The match's clock when a replay runs {@code speed} times faster than the match did. */
public final class ScaledClock extends Clock {

    private final Instant matchStart;
    private final long realStart = System.nanoTime();
    private final double speed;

    public ScaledClock(Instant matchStart, double speed) {
        this.matchStart = matchStart;
        this.speed = speed;
    }

    @Override
    public Instant instant() {
        return matchStart.plusNanos((long) ((System.nanoTime() - realStart) * speed));
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
