package io.sideline.bench.internal;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What the peers received. Each event the generator sends is expected by every connected peer; its latency is the
 * time from the moment its last needed report was due to be sent (the schedule's time, not the time it went out,
 * so a generator that falls behind does not hide the wait) to the moment the last peer received it.
 */
final class Deliveries {

    /** One event on its way to every peer. */
    private static final class Tracker {
        final long due;
        final int expected;
        final AtomicInteger got = new AtomicInteger();
        final AtomicLong last = new AtomicLong();

        Tracker(long due, int expected) {
            this.due = due;
            this.expected = expected;
        }
    }

    private final ConcurrentHashMap<Long, Tracker> open = new ConcurrentHashMap<>();
    private final LongAdder delivered = new LongAdder();
    private final LongAdder completed = new LongAdder();
    private final AtomicLong lastDelivery = new AtomicLong();
    private final Recorder latency = new Recorder(3);
    final AtomicInteger closed = new AtomicInteger();
    final List<String> problems = new CopyOnWriteArrayList<>();

    /** Registers an event before it is sent. */
    void expect(long key, long dueNanos, int peers) {
        open.put(key, new Tracker(dueNanos, peers));
    }

    /** A peer received the event with this key. Any thread. */
    void delivered(long key, long now) {
        delivered.increment();
        lastDelivery.accumulateAndGet(now, Math::max);
        Tracker t = open.get(key);
        if (t == null) {
            return;
        }
        t.last.accumulateAndGet(now, Math::max);
        if (t.got.incrementAndGet() == t.expected) {
            open.remove(key);
            completed.increment();
            latency.recordValue(Math.max(0, (t.last.get() - t.due) / 1_000));
        }
    }

    void problem(String what) {
        if (problems.size() < 10) {
            problems.add(what);
        }
    }

    long delivered() {
        return delivered.sum();
    }

    long completed() {
        return completed.sum();
    }

    long lastDelivery() {
        return lastDelivery.get();
    }

    /** @return how many expected events have not reached every peer */
    int pending() {
        return open.size();
    }

    /** forgets events that never reached every peer, before the next step */
    void forgetPending() {
        open.clear();
    }

    /** @return the latencies (microseconds) recorded since the last call */
    Histogram takeLatencies() {
        return latency.getIntervalHistogram();
    }
}
