package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static io.sideline.testing.HostFixture.oneTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.Heartbeat;
import io.sideline.protocol.Message;
import io.sideline.protocol.Setup;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * A peer that joins late, or comes back, receives exactly what it lacks, in order, with no gap and no
 * duplicate, also while new events keep coming, and also from a host restarted on the same journal.
 */
class CatchUpTest {

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path journal;
    HostFixture f;

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, "ana", "ben");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @BeforeEach
    void host() throws Exception {
        // k = 1: every report of ana's is an event; a driver that is not throttled
        f = HostFixture.start(lookup, journal, b -> b.reportLimit(100_000, 100_000));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** ana reports events first..last (distinct moments, so distinct events) and waits until she has them all */
    private void drive(Peer ana, int first, int last) throws Exception {
        for (int i = first; i <= last; i++) {
            Peer.report(f, ana, "ana", i % 2 == 0 ? "Corner" : "Foul", i % 3 == 0 ? "Turkey" : "Italy", at(i));
        }
        Await.until("ana holds seq " + last, () -> ana.highestSeq() >= last);
    }

    @Test
    void aNewPeerGetsTheSetupThenEveryEventInOrder() throws Exception {
        Peer ana = Peer.join(f, "ana");
        drive(ana, 1, 30);

        Peer ben = Peer.connect(f);
        ben.send(Wire.hello(f.token("ben"), 0));
        Await.until("ben caught up", () -> ben.highestSeq() >= 30);
        assertEquals(30, Peer.settle(f, ana));

        List<Message> got = ben.messages().stream().filter(m -> !(m instanceof Heartbeat)).toList();
        Setup setup = assertInstanceOf(Setup.class, got.get(0), "the setup comes first");
        assertEquals(30L, setup.lastSeq(), "the setup says where the catch-up ends");
        assertEquals(oneTo(30), ben.seqs(), "then seq 1 to 30, in order, each once");
        assertEquals(31, got.size(), "nothing else");
        assertEquals(f.host().timeline(), ben.received(Accepted.class), "the host's own timeline, frame for frame");
        assertEquals(ana.received(Accepted.class), ben.received(Accepted.class), "what ana saw live");
    }

    @Test
    void aPeerComingBackWithLastSeqGetsExactlyWhatItLacks() throws Exception {
        Peer ana = Peer.join(f, "ana");
        drive(ana, 1, 20);

        Peer ben = Peer.join(f, "ben", 12);
        Await.until("ben caught up", () -> ben.highestSeq() >= 20);
        assertEquals(20, Peer.settle(f, ana));
        assertEquals(LongStream.rangeClosed(13, 20).boxed().toList(), ben.seqs(), "13 to 20: not one it holds");
        assertEquals(f.host().timeline().subList(12, 20), ben.received(Accepted.class));
    }

    @Test
    void eventsAcceptedDuringTheCatchUpFollowItInOrder() throws Exception {
        Peer ana = Peer.join(f, "ana");
        drive(ana, 1, 300);

        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> {
            try {
                for (int i = 301; i <= 600; i++) {
                    Peer.report(f, ana, "ana", "Offside", i % 2 == 0 ? "Turkey" : "Italy", at(i));
                }
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Await.until("events beyond 300 are being accepted", () -> f.host().lastSeq() > 310);
        Peer ben = Peer.join(f, "ben");
        more.get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        Await.until("ben holds 600", () -> ben.highestSeq() >= 600, () -> "ben holds " + ben.highestSeq());
        assertEquals(600, Peer.settle(f, ana));

        assertEquals(oneTo(600), ben.seqs(), "1 to 600, the catch-up and the live events, in order, each once");
        assertEquals(f.host().timeline(), ben.received(Accepted.class));
        assertEquals(oneTo(600), ana.seqs(), "the live peer too");
    }

    @Test
    void aHostRestartedOnTheSameJournalContinuesTheSequence() throws Exception {
        Peer ana = Peer.join(f, "ana");
        drive(ana, 1, 10);
        List<Accepted> before = f.host().timeline();
        assertEquals(10, before.size());

        f.restart();
        assertEquals(10, f.host().lastSeq());
        assertEquals(before, f.host().timeline(), "the restarted host holds the same timeline, frame for frame");
        assertTrue(f.log.stream().anyMatch(line -> line.startsWith("recovered 10 accepted events")),
                "the operator is told what was recovered: " + f.log);

        Peer ben = Peer.join(f, "ben");
        Await.until("ben caught up", () -> ben.highestSeq() >= 10);
        assertEquals(before, ben.received(Accepted.class), "and serves it to a new peer");

        Peer ana2 = Peer.join(f, "ana", 10);
        Peer.report(f, ana2, "ana", "Goal", "Turkey", at(11));
        Accepted next = ana2.next(Accepted.class);
        assertEquals(11, next.seq(), "the next event continues the sequence");
        assertEquals(next, ben.next(Accepted.class, a -> a.seq() == 11));
        for (Accepted old : before) {
            assertNotEquals(old.id(), next.id(), "a new event does not reuse an old event's id");
        }
        assertEquals(List.of(next), ana2.received(Accepted.class), "ana, holding 10, received only the new one");
    }
}
