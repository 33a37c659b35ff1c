package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static io.sideline.testing.HostFixture.oneTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.lookup.Match;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.testing.ChildJvm;
import io.sideline.testing.Await;
import io.sideline.testing.LookupFixture;

/**
 * The host's promise under the worst crash: a host killed with SIGKILL loses nothing a peer has seen.
 * Every event is forced to the journal before it is broadcast, so a host started again on the journal
 * serves every event any peer holds, and peers that come back with their last seq fill their gap without
 * duplicates, and the sequence goes on. The host runs in a JVM of its own ({@link HostProcess}), started
 * from the jars and class folders of the OSGi framework this test runs in.
 */
class KillNineTest {

    @TempDir
    Path dir;
    private final List<Process> children = new ArrayList<>();
    private final List<Peer> peers = new ArrayList<>();
    private LookupFixture lookup;

    @AfterEach
    void cleanUp() throws Exception {
        for (Peer p : peers) {
            p.close();
        }
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        if (lookup != null) {
            lookup.close();
        }
    }

    @Test
    void aHostKilledWithSigkillLosesNothingAPeerSawAndGoesOnWithoutGapsOrDuplicates() throws Exception {
        lookup = LookupFixture.start(dir.resolve("lookup"), "ana", "ben", "cid");
        Match match = lookup.createMatch("ana");
        Path journal = dir.resolve("journal");
        String anaToken = lookup.joinToken("ana", match.id());
        String benToken = lookup.joinToken("ben", match.id());
        String cidToken = lookup.joinToken("cid", match.id());

        // the first life of the host
        Child first = startHost(journal, match.id());
        Peer ana = join(first.uri(), anaToken, 0);
        Peer ben = join(first.uri(), benToken, 0);
        for (int i = 1; i <= 5; i++) {
            ana.send(Wire.report(anaToken, "Corner", "Italy", at(i)));
        }
        Await.until("both peers hold seq 5", () -> ana.highestSeq() >= 5 && ben.highestSeq() >= 5);
        ben.close(); // ben's phone goes to sleep holding 1..5

        // ana reports quickly, and the host is killed while her reports are still on their way
        for (int i = 6; i <= 40; i++) {
            ana.send(Wire.report(anaToken, "Foul", i % 2 == 0 ? "Turkey" : "Italy", at(i)));
        }
        Await.until("ana holds seq 12", () -> ana.highestSeq() >= 12);
        first.process.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no flush
        assertTrue(first.process.waitFor(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS), "the host died");
        ana.awaitClose(); // the kill broke ana's connection: what she holds is final
        List<Accepted> anaBefore = ana.received(Accepted.class);
        List<Accepted> benBefore = ben.received(Accepted.class);
        long anaHeld = ana.highestSeq();
        assertEquals(oneTo(anaHeld), ana.seqs(), "before the crash ana held a gapless prefix");
        assertEquals(oneTo(5), ben.seqs());

        // the second life, on the same journal and another port
        Child second = startHost(journal, match.id());
        Peer cid = connect(second.uri());
        cid.send(Wire.hello(cidToken, 0));
        Setup setup = cid.next(Setup.class);
        long n = setup.lastSeq();
        assertTrue(n >= anaHeld, "the restarted host holds every event a peer saw before the kill: it has " + n
                + ", ana saw " + anaHeld);
        Await.until("cid caught up", () -> cid.highestSeq() >= n);
        List<Accepted> recovered = cid.received(Accepted.class);
        assertEquals(oneTo(n), cid.seqs());
        assertEquals(anaBefore, recovered.subList(0, (int) anaHeld), "the same events, ids and all, as ana saw live");
        assertEquals(benBefore, recovered.subList(0, 5));

        Peer ana2 = join(second.uri(), anaToken, anaHeld);
        Peer ben2 = join(second.uri(), benToken, 5);
        Await.until("ana and ben filled their gaps",
                () -> ana2.seqs().size() >= n - anaHeld && ben2.seqs().size() >= n - 5);

        ben2.send(Wire.report(benToken, "Goal", "Turkey", at(100)));
        for (Peer p : List.of(ana2, ben2, cid)) {
            Await.until("every peer receives the new event", () -> p.highestSeq() >= n + 1);
        }
        Accepted next = cid.received(Accepted.class).get((int) n);
        assertEquals(n + 1, next.seq(), "a new event after the crash takes the next seq");
        assertEquals("Goal", next.event().title());
        for (Accepted a : recovered) {
            assertNotEquals(a.id(), next.id(), "the new event has a new id");
        }

        List<Long> anaAll = new ArrayList<>(ana.seqs());
        anaAll.addAll(ana2.seqs());
        List<Long> benAll = new ArrayList<>(ben.seqs());
        benAll.addAll(ben2.seqs());
        assertEquals(oneTo(n + 1), anaAll, "across the crash ana holds every seq exactly once, in order");
        assertEquals(oneTo(n + 1), benAll, "across the crash ben holds every seq exactly once, in order");
        List<Accepted> anaEvents = new ArrayList<>(ana.received(Accepted.class));
        anaEvents.addAll(ana2.received(Accepted.class));
        assertEquals(cid.received(Accepted.class), anaEvents, "and the same events as a peer that joined afresh");
    }

    // --------------------------------------------------------------------------------------- helpers

    private Peer connect(URI uri) throws Exception {
        Peer p = new Peer(uri);
        peers.add(p);
        return p;
    }

    private Peer join(URI uri, String token, long lastSeq) throws Exception {
        Peer p = connect(uri);
        p.send(Wire.hello(token, lastSeq));
        p.next(Setup.class);
        return p;
    }

    private record Child(Process process, int port) {
        URI uri() {
            return URI.create("ws://127.0.0.1:" + port + "/match");
        }
    }

    private Child startHost(Path journal, String matchId) throws Exception {
        ChildJvm child = ChildJvm.start(dir, HostProcess.class, "READY ", "0", journal.toString(), matchId,
                lookup.server.uri().toString(), "ana", lookup.session("ana").token());
        children.add(child.process());
        return new Child(child.process(), Integer.parseInt(child.readyLine().substring(6).trim()));
    }
}
