package io.sideline.peer.tests;

import static io.sideline.peer.tests.Messages.at;
import static io.sideline.peer.tests.Messages.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.peer.MatchClient;
import io.sideline.peer.PendingReport;
import io.sideline.peer.Timeline;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * {@link MatchClient}s against a real lookup server and a real {@link io.sideline.host.MatchHost} with k = 2:
 * the setup, an event two clients report, which both receive once and which resolves both reports, reports that
 * stay unaccepted, a late confirmation, a double tap, and a voted retraction with {@code retractLast}.
 */
class MatchClientTest {

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
        f = HostFixture.start(lookup, journal, 2, b -> { });
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static MatchClient.Options quick(Duration reportTimeout) {
        return MatchClient.Options.defaults().withReportTimeout(reportTimeout);
    }

    private static void awaitConnected(MatchClient c) throws InterruptedException {
        Await.until(c.token().substring(0, 6) + "… is connected", () -> c.state() == MatchClient.State.CONNECTED,
                c::stateReason);
    }

    private static PendingReport outcome(PendingReport r) throws Exception {
        return r.outcome().get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void twoClientsReportAGoalBothReceiveItOnceAndBothReportsAreAcceptedWithItsId() throws Exception {
        Recorder anaSees = new Recorder();
        Recorder benSees = new Recorder();
        MatchClient ana = f.client("ana", MatchClient.Options.defaults(), anaSees);
        MatchClient ben = f.client("ben", MatchClient.Options.defaults(), benSees);
        awaitConnected(ana);
        awaitConnected(ben);

        Setup setup = ana.setup().orElseThrow();
        assertEquals(List.of("Turkey", "Italy"), setup.origins(), "the setup's origins");
        assertEquals(HostFixture.TITLES, setup.actions(), "the setup's actions");
        assertEquals(f.match.id(), setup.matchId());
        assertEquals(List.of(setup), anaSees.setups, "the listener heard the setup once");
        assertEquals(List.of(MatchClient.State.CONNECTING, MatchClient.State.CONNECTED), anaSees.stateSequence());

        PendingReport anaGoal = ana.report(event("Goal", "Italy", at(53)));
        PendingReport benGoal = ben.report(event("Goal", "Italy", at(53).plusSeconds(4)));
        assertEquals("r-1", anaGoal.localId());

        PendingReport anaOutcome = outcome(anaGoal);
        PendingReport benOutcome = outcome(benGoal);
        Accepted goal = f.host().timeline().get(0);
        assertEquals(PendingReport.State.ACCEPTED, anaOutcome.state(), anaOutcome.toString());
        assertEquals(PendingReport.State.ACCEPTED, benOutcome.state(), benOutcome.toString());
        assertEquals(goal.id(), anaGoal.eventId().orElseThrow(), "ana's report resolved to the accepted goal");
        assertEquals(goal.id(), benGoal.eventId().orElseThrow(), "ben's report resolved to the same goal");
        assertTrue(ana.pending().isEmpty() && ben.pending().isEmpty(), "nothing is pending any more");

        Await.until("both heard of the goal", () -> !anaSees.accepted.isEmpty() && !benSees.accepted.isEmpty());
        Await.until("ana heard her report resolve", () -> anaSees.reportStates.size() >= 2);
        assertEquals(f.host().timeline(), ana.timeline().all(), "ana holds the host's timeline");
        assertEquals(f.host().timeline(), ben.timeline().all(), "ben holds the host's timeline");
        for (Recorder r : List.of(anaSees, benSees)) {
            assertEquals(1, r.accepted.size(), "the goal arrived once: " + r.accepted);
            assertEquals(Timeline.Kind.NEW, r.accepted.get(0).kind());
            assertEquals(goal, r.accepted.get(0).message());
            assertTrue(r.threads.stream().allMatch(t -> t.startsWith("sideline-peer-")),
                    "every callback came on the client's thread: " + r.threads);
        }
        assertEquals(List.of("r-1 PENDING", "r-1 ACCEPTED"), anaSees.reportStates);
    }

    @Test
    void anAddressThatIsNotAWebSocketUrlIsRefusedAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MatchClient.connect(URI.create("http://127.0.0.1:1/match"), "t", new Recorder()));
        assertTrue(e.getMessage().contains("ws://"), e.getMessage());
    }

    @Test
    void aReportNobodyElseMakesStaysPendingThenIsNotAccepted() throws Exception {
        Recorder cidSees = new Recorder();
        MatchClient cid = f.client("cid", quick(Duration.ofSeconds(2)), cidSees);
        awaitConnected(cid);

        PendingReport corner = cid.report(event("Corner", "Turkey", at(10)));
        assertEquals(List.of(corner), cid.pending(), "pending once made");
        assertEquals(PendingReport.State.PENDING, corner.state());

        PendingReport done = outcome(corner);
        assertEquals(PendingReport.State.NOT_ACCEPTED, done.state());
        assertTrue(done.eventId().isEmpty());
        assertTrue(cid.pending().isEmpty(), "no longer pending: " + cid.pending());
        assertEquals(0, f.host().lastSeq(), "the host accepted nothing");
        Await.until("the listener heard both states", () -> cidSees.reportStates.size() == 2);
        assertEquals(List.of(corner.localId() + " PENDING", corner.localId() + " NOT_ACCEPTED"), cidSees.reportStates);
    }

    @Test
    void aReportTheVoteRejectsIsNotAcceptedAtOnceWithTheVotesReasonInWords() throws Exception {
        f.close();
        f = HostFixture.start(lookup, journal, 2,
                b -> b.rules(io.sideline.voting.VotingRules.of(2, 0).withDecisionTimeout(Duration.ofSeconds(1))));
        Recorder cidSees = new Recorder();
        MatchClient cid = f.client("cid", MatchClient.Options.defaults(), cidSees); // its own timeout is 60 s
        awaitConnected(cid);

        PendingReport done = outcome(cid.report(event("Corner", "Turkey", at(10))));

        assertEquals(PendingReport.State.NOT_ACCEPTED, done.state(), "the host said so: no wait for the 60 s timeout");
        assertEquals("Corner by Turkey was not accepted: only 1 reporter reported it within 1 s; this match needs 2",
                done.detail().orElseThrow());
    }

    @Test
    void aReportRefusedByTheHostIsNotAcceptedAndTheErrorIsReadable() throws Exception {
        Recorder anaSees = new Recorder();
        MatchClient ana = f.client("ana", MatchClient.Options.defaults(), anaSees);
        awaitConnected(ana);

        PendingReport wrong = ana.report(event("Goal", "France", at(3)));
        PendingReport done = outcome(wrong);
        assertEquals(PendingReport.State.NOT_ACCEPTED, done.state(), "refused at once, long before the 60 s timeout");
        assertTrue(done.detail().orElseThrow().contains("France"), done.detail().orElseThrow());
        Await.until("the listener heard the error", () -> !anaSees.errors.isEmpty());
        String readable = anaSees.errors.get(0);
        assertTrue(readable.contains("Goal (France)") && readable.contains("not a team of this match"), readable);
        assertEquals(MatchClient.State.CONNECTED, ana.state(), "the connection stays up");
    }

    @Test
    void aLateReportOfAnAcceptedEventIsAcceptedByItThoughTheHostAnnouncesNoConfirmation() throws Exception {
        MatchClient ana = f.client("ana", MatchClient.Options.defaults(), new Recorder());
        MatchClient ben = f.client("ben", MatchClient.Options.defaults(), new Recorder());
        MatchClient cid = f.client("cid", quick(Duration.ofSeconds(2)), new Recorder());
        awaitConnected(ana);
        awaitConnected(ben);
        awaitConnected(cid);
        ana.report(event("Goal", "Italy", at(66)));
        String id = outcome(ben.report(event("Goal", "Italy", at(66)))).eventId().orElseThrow();
        Await.until("cid holds the goal", () -> cid.timeline().latest(id).isPresent());

        // votes go from 2 to 3: the host announces confirmations only as the votes double, so cid hears nothing
        PendingReport late = outcome(cid.report(event("Goal", "Italy", at(66).plusSeconds(5))));
        assertEquals(PendingReport.State.ACCEPTED, late.state(), late.toString());
        assertEquals(id, late.eventId().orElseThrow());
        assertEquals(1, f.host().lastSeq(), "and indeed no new message: " + f.host().timeline());
    }

    @Test
    void aDoubleTapIsAcceptedOnceTheSecondTapIsNot() throws Exception {
        MatchClient ana = f.client("ana", quick(Duration.ofSeconds(3)), new Recorder());
        MatchClient ben = f.client("ben", MatchClient.Options.defaults(), new Recorder());
        awaitConnected(ana);
        awaitConnected(ben);
        PendingReport first = ana.report(event("Corner", "Italy", at(20)));
        PendingReport second = ana.report(event("Corner", "Italy", at(20).plusSeconds(1)));
        ben.report(event("Corner", "Italy", at(20)));

        assertEquals(PendingReport.State.ACCEPTED, outcome(first).state(), first.toString());
        assertEquals(PendingReport.State.NOT_ACCEPTED, outcome(second).state(),
                "one corner accounts for one report of a client: " + second);
    }

    @Test
    void retractLastByTwoClientsRetractsTheirEventAndTheTimelineShowsTheTombstone() throws Exception {
        Recorder anaSees = new Recorder();
        MatchClient ana = f.client("ana", MatchClient.Options.defaults(), anaSees);
        MatchClient ben = f.client("ben", MatchClient.Options.defaults(), new Recorder());
        awaitConnected(ana);
        awaitConnected(ben);
        assertTrue(ana.retractLast("nothing yet").isEmpty(), "no accepted report, nothing to undo");

        PendingReport anaGoal = ana.report(event("Goal", "Italy", at(79)));
        PendingReport benGoal = ben.report(event("Goal", "Italy", at(79)));
        String id = outcome(anaGoal).eventId().orElseThrow();
        assertEquals(id, outcome(benGoal).eventId().orElseThrow());

        assertEquals(id, ana.retractLast("offside").orElseThrow(), "ana undoes her goal");
        assertTrue(ana.retractLast("again").isEmpty(), "she already asked for that one; there is no other");
        assertEquals(id, ben.retractLast("offside").orElseThrow(), "ben agrees");

        for (MatchClient c : List.of(ana, ben)) {
            Await.until("the retraction reached " + c.token().substring(0, 6),
                    () -> c.timeline().latest(id).map(a -> a.status() == Accepted.Status.RETRACTED).orElse(false));
            Accepted tombstone = c.timeline().latest(id).orElseThrow();
            assertEquals(2, tombstone.version());
            assertEquals("offside", tombstone.reason());
            assertEquals(List.of(tombstone), c.timeline().latest(), "latest shows the tombstone, not the goal");
            assertEquals(List.of(1L, 2L), c.timeline().seqs());
            assertEquals(2, c.timeline().history(id).size(), "both versions are kept");
        }
        assertEquals(Timeline.Kind.NEW_VERSION, anaSees.accepted.get(anaSees.accepted.size() - 1).kind());
        assertEquals(f.host().timeline(), ana.timeline().all());
    }

    @Test
    void anAmendmentByTwoClientsArrivesAsANewVersion() throws Exception {
        MatchClient ana = f.client("ana", MatchClient.Options.defaults(), new Recorder());
        MatchClient ben = f.client("ben", MatchClient.Options.defaults(), new Recorder());
        awaitConnected(ana);
        awaitConnected(ben);
        ana.report(event("Goal", "Italy", at(53)));
        String id = outcome(ben.report(event("Goal", "Italy", at(53)))).eventId().orElseThrow();

        ana.amend(id, event("Own goal", "Turkey", at(53)), "off Demiral");
        ben.amend(id, event("Own goal", "Turkey", at(53)), "off Demiral");
        Await.until("ana holds the amendment", () -> ana.timeline().latest(id).map(Accepted::version).orElse(0) == 2);
        Accepted amended = ana.timeline().latest(id).orElseThrow();
        assertEquals(Accepted.Status.AMENDED, amended.status());
        assertEquals("Own goal", amended.event().title());
        assertEquals("Turkey", amended.event().origin());
        assertNotNull(amended.reason());
    }
}
