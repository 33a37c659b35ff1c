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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.voting.VotingRules;
import io.sideline.testing.LookupFixture;

/**
 * With k = 2 an event needs two different people: one report is not news, two are, and then every peer
 * hears it once, including those who did not report it. Bad reports are answered to their sender alone.
 */
class QuorumBroadcastTest {

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

    @BeforeEach
    void host() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.rules(VotingRules.of(2, 0)));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void oneReportIsNotAnEventTheSecondIdentityMakesItOneForEveryPeerOnce() throws Exception {
        Peer ana = Peer.join(f, "ana");
        Peer ben = Peer.join(f, "ben");
        Peer cid = Peer.join(f, "cid");

        Peer.report(f, ana, "ana", "Goal", "Italy", at(1));
        assertEquals(0, Peer.settle(f, ana), "a peer joining after one report is told the timeline is empty");
        assertEquals(0, f.host().lastSeq());
        for (Peer p : List.of(ana, ben, cid)) {
            assertTrue(p.received(Accepted.class).isEmpty(), "one report is not accepted: " + p.texts());
        }

        Peer.report(f, ben, "ben", "Goal", "Italy", at(1) + 1_000);
        for (Peer p : List.of(ana, ben, cid)) {
            Await.until("every peer receives the event", () -> !p.received(Accepted.class).isEmpty());
        }
        assertEquals(1, Peer.settle(f, ana, ben));
        Accepted event = ana.received(Accepted.class).get(0);
        assertEquals(1, event.seq());
        assertEquals(2, event.votes());
        assertEquals("Goal", event.event().title());
        assertEquals("Italy", event.event().origin());
        for (Peer p : List.of(ana, ben, cid)) {
            assertEquals(List.of(event), p.received(Accepted.class),
                    "each peer, the one that did not report too, receives the same event exactly once");
        }
        assertEquals(List.of(event), f.host().timeline());
    }

    @Test
    void theSameIdentityReportingTwiceFromTwoConnectionsIsOneVote() throws Exception {
        Peer ana1 = Peer.join(f, "ana");
        String secondToken = lookup.joinToken("ana", f.match.id()); // ana's second device asks for its own token
        Peer ana2 = Peer.connect(f);
        ana2.send(Wire.hello(secondToken, 0));
        ana2.next(io.sideline.protocol.Setup.class);
        Peer ben = Peer.join(f, "ben");

        Peer.report(f, ana1, "ana", "Yellow card", "Turkey", at(2));
        ana2.send(Wire.report(secondToken, "Yellow card", "Turkey", at(2)));
        assertEquals(0, Peer.settle(f, ana1, ana2), "two reports by one person are not a quorum of two");
        for (Peer p : List.of(ana1, ana2, ben)) {
            assertTrue(p.received(Accepted.class).isEmpty(), "nothing accepted: " + p.texts());
        }

        Peer.report(f, ben, "ben", "Yellow card", "Turkey", at(2) + 3_000);
        for (Peer p : List.of(ana1, ana2, ben)) {
            Await.until("every peer receives the event", () -> !p.received(Accepted.class).isEmpty());
        }
        assertEquals(1, Peer.settle(f, ben));
        Accepted event = ben.received(Accepted.class).get(0);
        assertEquals(2, event.votes(), "ana counts once, however many connections she reports from");
        for (Peer p : List.of(ana1, ana2, ben)) {
            assertEquals(List.of(event), p.received(Accepted.class));
        }
    }

    @Test
    void aReportOfAnUnknownTitleOrTeamIsInvalidToItsSenderAloneWhoCanGoOn() throws Exception {
        Peer ana = Peer.join(f, "ana");
        Peer ben = Peer.join(f, "ben");

        ana.send(Wire.with(Wire.report(f.token("ana"), "Touchdown", "Italy", at(3)), "ref", "r1"));
        ErrorMessage title = ana.next(ErrorMessage.class);
        assertEquals("invalid_value", title.code());
        assertEquals("event.title", title.field(), "the error names the field: " + title);
        assertEquals("r1", title.ref(), "the error carries the report's ref, so the client knows which one");
        assertTrue(title.message().contains("Touchdown"), title.message());

        Peer.report(f, ana, "ana", "Goal", "Spain", at(3));
        ErrorMessage origin = ana.next(ErrorMessage.class);
        assertEquals("invalid_value", origin.code());
        assertEquals("event.origin", origin.field(), "the error names the field: " + origin);

        assertFalse(ana.closed.isDone(), "the connection stays open");
        Peer.report(f, ana, "ana", "Goal", "Italy", at(3));
        Peer.report(f, ben, "ben", "Goal", "Italy", at(3));
        Accepted a = ana.next(Accepted.class);
        assertEquals(a, ben.next(Accepted.class));
        assertEquals(1, a.seq(), "the bad reports made no event");
        assertEquals(2, a.votes());
        assertEquals(1, Peer.settle(f, ana, ben));
        assertTrue(ben.received(ErrorMessage.class).isEmpty(), "the other peer hears nothing of ana's mistakes: "
                + ben.texts());
        assertEquals(2, ana.received(ErrorMessage.class).size(), ana.texts().toString());
    }
}
