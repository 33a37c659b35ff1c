package io.sideline.peer.tests;

import static io.sideline.peer.tests.Messages.at;
import static io.sideline.peer.tests.Messages.event;
import static io.sideline.testing.HostFixture.oneTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.peer.MatchClient;
import io.sideline.peer.PendingReport;
import io.sideline.peer.SavedMatch;
import io.sideline.peer.Timeline;
import io.sideline.protocol.Accepted;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * A {@link MatchClient} whose host goes away and comes back on the same journal reconnects by itself and says
 * hello with the seq it holds, so it ends with every seq exactly once, including the events accepted while it was
 * away; a client whose token the host refuses stops, with a reason, and does not try again. The host has k = 1,
 * so each report is an event.
 */
class ReconnectTest {

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

    @AfterEach
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    private static MatchClient.Options fastBackoff() {
        return MatchClient.Options.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    /** reports events first..last (two minutes apart, so each is its own event) and waits until c holds last */
    private static void drive(MatchClient c, int first, int last) throws Exception {
        for (int i = first; i <= last; i++) {
            c.report(event(i % 2 == 0 ? "Corner" : "Foul", i % 3 == 0 ? "Turkey" : "Italy", at(i)));
        }
        Await.until("the client holds seq " + last, () -> c.timeline().lastSeq() >= last,
                () -> "it holds " + c.timeline().seqs());
    }

    private static void awaitState(MatchClient c, Recorder r, MatchClient.State state, int times)
            throws InterruptedException {
        Await.until("the client was " + state + " " + times + " time(s)",
                () -> r.states.stream().filter(s -> s.state() == state).count() >= times, () -> "states: " + r.states);
    }

    @Test
    void aHostRestartedOnTheSamePortIsRejoinedWithoutAGapOrADuplicate() throws Exception {
        int port = HostFixture.freePort();
        f = HostFixture.start(lookup, journal, 1, b -> b.port(port));
        Recorder anaSees = new Recorder();
        MatchClient ana = f.client("ana", fastBackoff(), anaSees);
        drive(ana, 1, 4);

        f.stopHost();
        awaitState(ana, anaSees, MatchClient.State.RECONNECTING, 1);
        f.startHost(port);
        awaitState(ana, anaSees, MatchClient.State.CONNECTED, 2);

        MatchClient ben = f.client("ben", fastBackoff(), new Recorder());
        drive(ben, 5, 7);
        Await.until("ana holds seq 7", () -> ana.timeline().lastSeq() >= 7, () -> "she holds " + ana.timeline().seqs());

        assertEquals(oneTo(7), ana.timeline().seqs(), "seq 1 to 7, each once, no gap");
        assertEquals(f.host().timeline(), ana.timeline().all(), "the host's timeline, message for message");
        assertEquals(7, anaSees.accepted.size(), "7 messages reached the listener, none twice: " + anaSees.accepted);
        assertTrue(anaSees.accepted.stream().allMatch(c -> c.kind() == Timeline.Kind.NEW));
        assertTrue(f.log.stream().anyMatch(line -> line.startsWith("peer ana joined") && line.endsWith("at seq 4")),
                "ana said hello with the 4 she held: " + f.log);
        assertEquals(MatchClient.State.CONNECTED, ana.state());
    }

    @Test
    void aClientPointedAtAMovedHostCatchesUpOnWhatWasAcceptedWhileItWasAway() throws Exception {
        f = HostFixture.start(lookup, journal, 1, b -> { });
        Recorder anaSees = new Recorder();
        MatchClient ana = f.client("ana", fastBackoff(), anaSees);
        drive(ana, 1, 3);
        List<Accepted> before = ana.timeline().all();

        f.stopHost();
        awaitState(ana, anaSees, MatchClient.State.RECONNECTING, 1);
        f.startHost(0); // the same journal on a new port: ana keeps trying the old one
        MatchClient ben = f.client("ben", fastBackoff(), new Recorder());
        drive(ben, 4, 8);
        assertEquals(8, f.host().lastSeq(), "five events accepted while ana was away");

        ana.setHostUrl(f.host().uri());
        Await.until("ana holds seq 8", () -> ana.timeline().lastSeq() >= 8, () -> "she holds " + ana.timeline().seqs());
        assertEquals(oneTo(8), ana.timeline().seqs(), "seq 1 to 8, each once, no gap");
        assertEquals(f.host().timeline(), ana.timeline().all());
        assertEquals(before, ana.timeline().all().subList(0, 3), "what she held is unchanged");
        assertEquals(8, anaSees.accepted.size(), "no message reached the listener twice: " + anaSees.accepted);
        assertTrue(f.log.stream().anyMatch(line -> line.startsWith("peer ana joined") && line.endsWith("at seq 3")),
                "ana said hello with the 3 she held: " + f.log);
        assertEquals(MatchClient.State.CONNECTED, ana.state());
        assertTrue(anaSees.states.stream().anyMatch(s -> s.state() == MatchClient.State.RECONNECTING
                && s.reason().contains("trying again")), "the reason says it is retrying: " + anaSees.states);
    }

    @Test
    void aReportMadeWhileDisconnectedIsSentOnceReconnected() throws Exception {
        int port = HostFixture.freePort();
        f = HostFixture.start(lookup, journal, 1, b -> b.port(port));
        Recorder anaSees = new Recorder();
        MatchClient ana = f.client("ana", fastBackoff(), anaSees);
        drive(ana, 1, 1);
        f.stopHost();
        awaitState(ana, anaSees, MatchClient.State.RECONNECTING, 1);

        PendingReport offline = ana.report(event("Goal", "Italy", at(2)));
        f.startHost(port);
        assertEquals(PendingReport.State.ACCEPTED,
                offline.outcome().get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS).state(), offline.toString());
        assertEquals(oneTo(2), ana.timeline().seqs());
    }

    @Test
    void aClientResumingASavedMatchIsSentOnlyWhatFollows() throws Exception {
        f = HostFixture.start(lookup, journal, 1, b -> { });
        MatchClient ana = f.client("ana", fastBackoff(), new Recorder());
        drive(ana, 1, 3);
        Path file = journal.resolve("saved.sideline");
        SavedMatch.of(ana.setup().orElseThrow(), ana.timeline()).write(file);
        ana.close();
        drive(f.client("ben", fastBackoff(), new Recorder()), 4, 5);

        Recorder again = new Recorder();
        MatchClient resumed = f.client(f.host().uri(), f.token("ana"), SavedMatch.read(file).toTimeline(), fastBackoff(),
                again);
        Await.until("the resumed client holds seq 5", () -> resumed.timeline().lastSeq() >= 5);
        assertEquals(oneTo(5), resumed.timeline().seqs());
        assertEquals(f.host().timeline(), resumed.timeline().all());
        assertEquals(List.of(4L, 5L), again.accepted.stream().map(c -> c.message().seq()).toList(),
                "only what followed the saved match came");
        assertTrue(f.log.stream().anyMatch(line -> line.startsWith("peer ana joined") && line.endsWith("at seq 3")),
                "the hello carried the saved seq: " + f.log);
        assertTrue(again.errorCodes.isEmpty(), "no complaint: " + again.errors);
    }

    @Test
    void aHostHoldingLessThanTheClientIsReported() throws Exception {
        f = HostFixture.start(lookup, journal, 1, b -> { });
        Timeline elsewhere = Timeline.of(List.of(Messages.first(1, "e-1", "Goal", "Italy", 10, 2),
                Messages.first(2, "e-2", "Goal", "Italy", 20, 2)));
        Recorder sees = new Recorder();
        MatchClient c = f.client(f.host().uri(), f.token("ana"), elsewhere, fastBackoff(), sees);
        Await.until("the client complained", () -> !sees.errorCodes.isEmpty(), () -> sees.states.toString());
        assertEquals(List.of(MatchClient.HOST_BEHIND), sees.errorCodes);
        assertTrue(sees.errors.get(0).contains("holds 0 accepted messages and this client 2"), sees.errors.get(0));
        assertEquals(MatchClient.State.CONNECTED, c.state());
    }

    @Test
    void aRefusedTokenClosesTheClientWithAReasonAndItDoesNotTryAgain() throws Exception {
        f = HostFixture.start(lookup, journal, 1, b -> { });
        Recorder sees = new Recorder();
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random); // shaped like a join token, but not one the server issued
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        MatchClient forged = f.client(f.host().uri(), token, fastBackoff(), sees);

        Await.until("the client is closed", () -> forged.state() == MatchClient.State.CLOSED, forged::stateReason);
        String reason = forged.stateReason();
        assertTrue(reason.contains("join token") && reason.contains("not one the lookup server issued"),
                "a reason a person understands: " + reason);
        assertTrue(sees.errors.stream().anyMatch(e -> e.contains("not one the lookup server issued")),
                "the host's error reached the listener: " + sees.errors);

        Thread.sleep(1_500); // with a 100 ms backoff, a client that looped would have tried several times by now
        assertEquals(List.of(MatchClient.State.CONNECTING, MatchClient.State.CLOSED), sees.stateSequence(),
                "one attempt, then closed for good");
        assertEquals(1, f.log.stream().filter(line -> line.startsWith("refused a peer")).count(),
                "the host saw one attempt: " + f.log);
        assertEquals(0, f.host().peerCount());
    }

    @Test
    void closeStopsTheClientAndLeavesNothingPending() throws Exception {
        f = HostFixture.start(lookup, journal, 2, b -> { });
        Recorder sees = new Recorder();
        MatchClient ana = f.client("ana", fastBackoff(), sees);
        Await.until("connected", () -> ana.state() == MatchClient.State.CONNECTED, ana::stateReason);
        PendingReport lonely = ana.report(event("Shot on target", "Turkey", at(1)));

        ana.close();
        assertEquals(MatchClient.State.CLOSED, ana.state());
        assertEquals(PendingReport.State.NOT_ACCEPTED, lonely.state(), "it can no longer be accepted");
        Await.until("the host saw the peer leave", () -> f.host().peerCount() == 0);
        Thread.sleep(500);
        assertEquals(1, sees.connections(), "no reconnection after close: " + sees.states);
    }
}
