package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * One user with many connections (and many join tokens) is one user to the host: its connections share one rate
 * limit and one queue to the vote, so a flood from it neither gets more reports through nor pushes an honest
 * pair's report back behind everything it sent.
 */
class IdentityIntakeTest {

    static final int CONNECTIONS = 10;

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path journal;
    HostFixture f;

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, "ana", "ben", "cid");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    /** connections of ana, each with a join token of its own */
    private List<Peer> anas(int n) throws Exception {
        List<Peer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Peer p = Peer.connect(f);
            String token = lookup.joinToken("ana", f.match.id());
            p.send(Wire.hello(token, 0));
            p.next(Setup.class);
            out.add(p);
            tokens.add(token);
        }
        return out;
    }

    private final List<String> tokens = new ArrayList<>();

    @Test
    void manyConnectionsOfOneUserShareOneRateLimit() throws Exception {
        int burst = 20;
        // k = 1: each report that reaches the vote is an accepted event; ana may send 20 at once, then one a second
        f = HostFixture.start(lookup, journal, b -> b.reportLimit(1, burst).connectionLimits(64, 16));
        List<Peer> ana = anas(CONNECTIONS);
        long start = System.nanoTime();
        int sent = 0;
        for (int i = 0; i < burst; i++) {
            for (int c = 0; c < CONNECTIONS; c++) {
                ana.get(c).send(Wire.report(tokens.get(c), "Corner", "Turkey", at(sent++)));
            }
        }
        for (Peer p : ana) {
            p.echo(); // everything it sent has been handled
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long n = Peer.settle(f);

        long accepted = f.host().timeline().stream().filter(a -> a.event().title().equals("Corner")).count();
        assertEquals(n, accepted, "nothing but ana's corners");
        // the one bucket of ana: its burst, and one a second while the reports went out
        long allowed = burst + (long) Math.ceil(seconds) + 1;
        assertTrue(accepted <= allowed, accepted + " of ana's " + sent + " reports over " + CONNECTIONS
                + " connections got through; ana's rate allows " + allowed);
        assertTrue(accepted >= burst, "ana's burst got through: " + accepted);
        assertTrue(ana.stream().anyMatch(p -> !p.errors("rate_limited").isEmpty()), "ana was told");
        assertTrue(ana.stream().noneMatch(p -> p.closed.isDone()), "throttled, not disconnected");
    }

    @Test
    void aFloodOfOneUserWaitsInItsOwnQueueAndAnHonestPairIsAccepted() throws Exception {
        int queue = 16;
        GateClock clock = new GateClock();
        // ana's rate limit is out of the way: the queue to the vote is what holds her back here
        f = HostFixture.start(lookup, journal, b -> b.reportLimit(1_000_000, 1_000_000).connectionLimits(64, 16)
                .maxQueuedPerIdentity(queue).clock(clock));
        List<Peer> ana = anas(CONNECTIONS);
        Peer ben = Peer.join(f, "ben");
        Peer cid = Peer.join(f, "cid");

        // the vote's thread stops at its next look at the clock: nothing queued is taken until the gate opens
        clock.close();
        Await.until("the vote's thread waits at the gate", clock.holding::get);
        int flood = 0;
        for (int i = 0; i < 50; i++) {
            for (int c = 0; c < CONNECTIONS; c++) {
                ana.get(c).send(Wire.report(tokens.get(c), "Corner", "Turkey", at(flood++)));
            }
        }
        for (Peer p : ana) {
            p.echo(); // each of ana's reports is queued or refused
        }
        long corner = at(10_000);
        ben.send(Wire.report(f.token("ben"), "Corner", "Italy", corner));
        cid.send(Wire.report(f.token("cid"), "Corner", "Italy", corner));
        ben.echo();
        cid.echo();
        clock.open();

        Accepted honest = ben.next(Accepted.class, a -> a.event().origin().equals("Italy"));
        assertEquals("Corner", honest.event().title());
        assertTrue(ben.errors("rate_limited").isEmpty() && cid.errors("rate_limited").isEmpty(),
                "the honest pair was never refused: " + ben.texts() + cid.texts());
        Peer.settle(f);
        long floodAccepted = f.host().timeline().stream().filter(a -> a.event().origin().equals("Turkey"))
                .map(Accepted::id).distinct().count();
        assertTrue(floodAccepted <= queue, floodAccepted + " of ana's " + flood + " reports reached the vote; at most "
                + queue + " may wait");
        assertTrue(floodAccepted >= 1, "ana's first reports were queued");
        assertTrue(ana.stream().anyMatch(p -> !p.errors("rate_limited").isEmpty()), "ana was told the rest were refused");
        assertFalse(ana.stream().anyMatch(p -> p.closed.isDone()), "refused, not disconnected");
    }

    /**
     * The system clock, except that the host's vote thread stops at it while the gate is closed: so a test knows
     * reports wait in the queue, without timing anything.
     */
    static final class GateClock extends Clock {
        private volatile CountDownLatch gate;
        final AtomicBoolean holding = new AtomicBoolean();

        void close() {
            gate = new CountDownLatch(1);
        }

        void open() {
            CountDownLatch g = gate;
            gate = null;
            if (g != null) {
                g.countDown();
            }
        }

        @Override
        public Instant instant() {
            CountDownLatch g = gate;
            if (g != null && Thread.currentThread().getName().startsWith("host-core-")) {
                holding.set(true);
                try {
                    g.await(Await.TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    holding.set(false);
                }
            }
            return Instant.now();
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
}
