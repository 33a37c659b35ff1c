package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.Setup;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * One peer flooding the host with reports is throttled to its rate, told so about once a second, and
 * cannot crowd out an honest peer, whose every report is accepted and broadcast to everyone.
 */
class FloodTest {

    static final int FLOOD = 500;

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
    void aFlooderIsThrottledWhileAnotherPeersReportsAllGetThroughToEveryone() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.reportLimit(10, 20)); // k = 1: each report that passes is an event
        Peer ana = Peer.join(f, "ana"); // floods
        Peer ben = Peer.join(f, "ben"); // reports what happens, at a human pace
        Peer cid = Peer.join(f, "cid"); // only watches
        String anaToken = f.token("ana");
        String benToken = f.token("ben");

        int honest = 0;
        for (int i = 0; i < FLOOD; i++) {
            ana.send(Wire.report(anaToken, "Corner", "Turkey", at(i)));
            if (i % 100 == 50) {
                honest++;
                ben.send(Wire.report(benToken, "Goal", "Italy", at(10_000 + honest)));
            }
        }
        ana.echo(); // every message of the flood has been handled (heartbeats are throttled too: echo retries)
        int sentByBen = honest;
        Await.until("ben's reports are accepted", () -> goals(ben.received(Accepted.class)) == sentByBen);
        long n = Peer.settle(f, ana, ben);

        List<Accepted> timeline = f.host().timeline();
        assertEquals(n, timeline.size());
        int corners = (int) timeline.stream().filter(a -> a.event().title().equals("Corner")).count();
        assertEquals(sentByBen, goals(timeline), "every report of the other peer was accepted");
        assertEquals(n, corners + sentByBen, "and nothing else");
        assertTrue(corners >= 20, "the flooder's burst of 20 got through: " + corners);
        assertTrue(corners < FLOOD / 2, "most of the flood was dropped: " + corners + " of " + FLOOD + " got through");

        int notices = ana.errors("rate_limited").size();
        int dropped = FLOOD - corners;
        assertTrue(notices >= 1, "the flooder is told it is rate limited");
        assertTrue(notices * 10 <= dropped, "told about once a second, not once per dropped message: " + notices
                + " notices for " + dropped + " dropped reports");
        assertEquals(notices, ana.received(ErrorMessage.class).size(), "no other error: " + ana.errors("internal"));
        assertFalse(ana.closed.isDone(), "throttled, not disconnected");

        for (Peer p : List.of(ana, ben, cid)) {
            Await.until("every peer holds the whole timeline", () -> p.highestSeq() >= n);
            assertEquals(timeline, p.received(Accepted.class), "each peer receives every accepted event once, in order");
        }
        assertTrue(ben.received(ErrorMessage.class).isEmpty(), "the honest peer is never throttled: " + ben.texts());
        assertTrue(cid.received(ErrorMessage.class).isEmpty());

        Peer late = Peer.connect(f); // and the host still answers a newcomer at once
        late.send(Wire.hello(f.token("cid"), n));
        assertEquals(n, late.next(Setup.class).lastSeq());
    }

    private static int goals(List<Accepted> events) {
        return (int) events.stream().filter(a -> a.event().title().equals("Goal")).count();
    }
}
