package io.sideline.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves only when a test moves it, so expiry and voting windows are tested without waiting and
 * without depending on the machine's speed. The one hand-moved clock of the tests.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    /** @param start the time it shows until it is moved */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /** sets the clock to an instant, earlier or later */
    public void set(Instant instant) {
        now = instant;
    }

    /** moves the clock on */
    public void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
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
