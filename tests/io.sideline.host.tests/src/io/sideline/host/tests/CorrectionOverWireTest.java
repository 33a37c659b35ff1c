package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.protocol.Accepted;
import io.sideline.protocol.Correction;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.TimelineEvent;
import io.sideline.testing.HostFixture;
import io.sideline.voting.VotingRules;
import io.sideline.testing.LookupFixture;

/**
 * Corrections over real WebSockets: an amendment and a retraction are voted like reports, and every peer
 * receives the new version of the same id with the next sequence number; the versions survive a restart,
 * and a correction of an event that does not exist is refused to its sender alone.
 */
class CorrectionOverWireTest {

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

    private void amend(Peer p, String user, String target, TimelineEvent amended) throws Exception {
        p.send(new Correction(Instant.now(), f.token(user), target, Correction.Action.AMEND, amended,
                "Berardi's cross went in off Demiral", null));
    }

    private void retract(Peer p, String user, String target) throws Exception {
        p.send(new Correction(Instant.now(), f.token(user), target, Correction.Action.RETRACT, null, "disallowed", null));
    }

    @Test
    void aVotedAmendmentThenAVotedRetractionReachEveryPeerAsNewVersionsOfTheSameId() throws Exception {
        Peer ana = Peer.join(f, "ana");
        Peer ben = Peer.join(f, "ben");
        Peer cid = Peer.join(f, "cid");
        Peer.report(f, ana, "ana", "Goal", "Italy", at(53));
        Peer.report(f, ben, "ben", "Goal", "Italy", at(53));
        Accepted goal = cid.next(Accepted.class);
        String id = goal.id();
        assertEquals(1, goal.version());

        TimelineEvent ownGoal = new TimelineEvent("Own goal", "Turkey", Instant.ofEpochMilli(at(53)));
        amend(ana, "ana", id, ownGoal);
        Peer.settle(f, ana);
        assertEquals(1, f.host().lastSeq(), "one vote for a correction changes nothing");
        amend(ben, "ben", id, ownGoal);

        for (Peer p : List.of(ana, ben, cid)) {
            Accepted v2 = p.next(Accepted.class, a -> a.seq() == 2);
            assertEquals(id, v2.id(), "the same event, corrected, not a new one");
            assertEquals(2, v2.version());
            assertEquals(Accepted.Status.AMENDED, v2.status());
            assertEquals("Own goal", v2.event().title());
            assertEquals("Turkey", v2.event().origin());
        }

        retract(ana, "ana", id);
        retract(cid, "cid", id);
        for (Peer p : List.of(ana, ben, cid)) {
            Accepted v3 = p.next(Accepted.class, a -> a.seq() == 3);
            assertEquals(id, v3.id());
            assertEquals(3, v3.version());
            assertEquals(Accepted.Status.RETRACTED, v3.status(), "a tombstone, not a silent removal");
        }

        f.restart();
        try (Peer late = Peer.join(f, "cid")) {
            List<Accepted> history = List.of(late.next(Accepted.class), late.next(Accepted.class),
                    late.next(Accepted.class));
            assertEquals(List.of(1, 2, 3), history.stream().map(Accepted::version).toList(),
                    "every version is in the journal, in order");
            assertEquals(List.of(Accepted.Status.ACCEPTED, Accepted.Status.AMENDED, Accepted.Status.RETRACTED),
                    history.stream().map(Accepted::status).toList());
        }
    }

    @Test
    void aCorrectionOfAnEventThatDoesNotExistIsRefusedToItsSenderAlone() throws Exception {
        Peer ana = Peer.join(f, "ana");
        Peer ben = Peer.join(f, "ben");

        retract(ana, "ana", "e999");

        ErrorMessage refusal = ana.next(ErrorMessage.class);
        assertEquals("target", refusal.field());
        assertTrue(refusal.message().contains("e999"), refusal.message());
        Peer.settle(f, ana, ben);
        assertTrue(ben.received(ErrorMessage.class).isEmpty(), "ben hears nothing of ana's mistake: " + ben.texts());
        assertEquals(0, f.host().lastSeq());
    }
}
