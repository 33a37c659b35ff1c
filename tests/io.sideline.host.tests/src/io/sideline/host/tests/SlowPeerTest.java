package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static io.sideline.testing.HostFixture.oneTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.Setup;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * A peer that stops reading (a phone in a tunnel, a frozen client) must not hold back anyone else, nor make
 * the host queue frames for it without end: once it is too far behind it is told to resync, with the seq it
 * holds, and disconnected.
 */
class SlowPeerTest {

    static final int EVENTS = 2_000;
    static final int MAX_LAG = 200;
    /** the WebSocket close code "try again later" */
    static final int TRY_AGAIN_LATER = 1013;

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

    @Test
    void aPeerThatStopsReadingIsDroppedToResyncAndNeverHoldsBackTheOthers() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.reportLimit(1_000_000, 1_000_000).flowControl(8, MAX_LAG)
                .socketSendBuffer(8192));
        Peer ana = Peer.join(f, "ana"); // reports, and reads
        Peer ben = Peer.join(f, "ben"); // only reads, promptly
        try (RawWebSocket cid = RawWebSocket.connect(f.host().uri(), 4096)) {
            cid.sendText(Wire.hello(f.token("cid"), 0)); // and never reads again, until the end
            Await.until("cid is a peer", () -> f.host().peerCount() == 3);

            String token = f.token("ana");
            for (int i = 1; i <= EVENTS; i++) {
                ana.send(Wire.report(token, i % 2 == 0 ? "Foul" : "Free kick", i % 3 == 0 ? "Turkey" : "Italy", at(i)));
                if (i % 50 == 0) { // ana and ben read as fast as they can; the driver stays within their lag
                    int sent = i;
                    Await.until("ana and ben keep up", () -> ana.highestSeq() >= sent - 100 && ben.highestSeq() >= sent - 100);
                }
            }
            Await.until("ben holds every event", () -> ben.highestSeq() >= EVENTS, () -> "ben: " + ben.highestSeq());
            assertEquals(oneTo(EVENTS), ben.seqs(), "the fast peer receives every event, in order, once");
            Await.until("ana holds every event", () -> ana.highestSeq() >= EVENTS);
            assertEquals(oneTo(EVENTS), ana.seqs());
            Await.until("the host has let go of the slow peer", () -> f.host().peerCount() == 2,
                    () -> "peers: " + f.host().peerCount());

            // now cid reads what the host had sent it
            ProtocolCodec codec = ProtocolCodec.standard();
            List<Message> got = new ArrayList<>();
            int closeStatus = -1;
            for (RawWebSocket.Frame frame = cid.readFrame(); frame != null; frame = cid.readFrame()) {
                if (frame.opcode() == RawWebSocket.CLOSE) {
                    closeStatus = frame.closeStatus();
                    break;
                }
                if (frame.opcode() == RawWebSocket.TEXT) {
                    assertTrue(frame.fin(), "whole messages");
                    got.add(codec.decode(frame.text()));
                }
            }
            assertTrue(got.get(0) instanceof Setup, "the slow peer's first message is its setup: " + got.get(0));
            List<Long> seqs = got.stream().filter(Accepted.class::isInstance).map(m -> ((Accepted) m).seq()).toList();
            assertEquals(oneTo(seqs.size()), seqs, "what the slow peer did receive is a gapless prefix");
            assertTrue(seqs.size() < EVENTS - MAX_LAG, "the host did not queue the timeline for it: " + seqs.size());
            ErrorMessage resync = got.stream().filter(ErrorMessage.class::isInstance).map(ErrorMessage.class::cast)
                    .filter(e -> e.code().equals("resync")).findFirst().orElse(null);
            assertNotNull(resync, "the slow peer is told to resync: " + got.subList(Math.max(0, got.size() - 3), got.size()));
            assertTrue(resync.message().endsWith("lastSeq is " + seqs.size()),
                    "and where to resume: the last seq it holds, " + seqs.size() + ": " + resync.message());
            assertEquals(TRY_AGAIN_LATER, closeStatus, "then the host closes the connection");
        }
    }

    @Test
    void aPeerJoiningAMatchLongerThanTheLagCatchesUpOnAllOfItAndIsNotDropped() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.reportLimit(1_000_000, 1_000_000).flowControl(8, MAX_LAG));
        Peer ana = Peer.join(f, "ana");
        String token = f.token("ana");
        for (int i = 1; i <= EVENTS; i++) {
            ana.send(Wire.report(token, i % 2 == 0 ? "Foul" : "Free kick", i % 3 == 0 ? "Turkey" : "Italy", at(i)));
            if (i % 50 == 0) { // ana reads too, and stays within the lag
                int sent = i;
                Await.until("ana keeps up", () -> ana.highestSeq() >= sent - 100);
            }
        }
        Await.until("ana holds every event", () -> ana.highestSeq() >= EVENTS, () -> "ana: " + ana.highestSeq());
        assertEquals(EVENTS, Peer.settle(f, ana), "the timeline is ten times the lag long");

        Peer ben = Peer.join(f, "ben"); // a newcomer: it holds nothing yet
        Await.until("ben catches up on the whole match", () -> ben.highestSeq() >= EVENTS, () -> "ben: " + ben.highestSeq());
        assertEquals(oneTo(EVENTS), ben.seqs(), "every event, in order, once, and no resync");
        // the settle probe's connection closes asynchronously: wait for the host to count it out
        Await.until("ana and ben, and only they, are still connected", () -> f.host().peerCount() == 2,
                () -> "peers: " + f.host().peerCount());
        assertEquals(oneTo(EVENTS), ben.seqs(), "ben was not told to resync or sent anything twice meanwhile");
    }
}
