package io.sideline.peer.tests;

import static io.sideline.peer.tests.Messages.at;
import static io.sideline.peer.tests.Messages.event;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.peer.MatchClient;
import io.sideline.peer.PendingReport;
import io.sideline.peer.ReportOutbox;
import io.sideline.peer.SavedMatch;
import io.sideline.peer.Timeline;
import io.sideline.peer.internal.AtomicFile;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.EventReport;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.TimelineEvent;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * Coding offline: a peer whose host is down keeps reporting; its reports wait (in memory and in its
 * {@link ReportOutbox} file), do not time out while the host is unreachable, and are sent with their original times
 * when the host is back, by the same client or by a new one started on the same outbox (a workbench restarted);
 * a report that was sent is never sent twice. Real host (k = 1: each report is an event) and real clients.
 */
class OfflineReportsTest {

    /** the report timeout of these clients: short, so that the tests see a report outlive it while offline */
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path journal;
    @TempDir
    Path peerData;
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

    private static MatchClient.Options options() {
        return MatchClient.Options.defaults().withBackoff(Duration.ofMillis(100), Duration.ofMillis(400))
                .withReportTimeout(TIMEOUT);
    }

    private MatchClient anaWith(ReportOutbox outbox, Recorder sees) throws Exception {
        return f.closeAtEnd(MatchClient.connect(f.host().uri(), f.token("ana"), new Timeline(), options(), outbox, sees));
    }

    /** five moments, two minutes apart, each its own event */
    private static List<TimelineEvent> fiveEvents() {
        String[] titles = { "Shot on target", "Corner", "Foul", "Free kick", "Shot off target" };
        List<TimelineEvent> out = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            out.add(event(titles[i], i % 2 == 0 ? "Turkey" : "Italy", at(10 + i)));
        }
        return out;
    }

    private static void awaitState(MatchClient c, MatchClient.State state) throws InterruptedException {
        Await.until("the client is " + state, () -> c.state() == state, c::stateReason);
    }

    /** @return the event times of the host's timeline, by title, each title once per moment */
    private static Map<String, List<Instant>> timesByTitle(List<Accepted> timeline) {
        Map<String, List<Instant>> out = new TreeMap<>();
        for (Accepted a : timeline) {
            out.computeIfAbsent(a.event().title(), t -> new ArrayList<>()).add(a.event().time());
        }
        return out;
    }

    @Test
    void reportsMadeWhileTheHostIsDownWaitPastTheirTimeoutAndAreAcceptedWithTheirTimesWhenItIsBack() throws Exception {
        int port = HostFixture.freePort();
        f = HostFixture.start(lookup, journal, 1, b -> b.port(port));
        Path file = peerData.resolve("match.ana" + ReportOutbox.SUFFIX);
        Recorder sees = new Recorder();
        MatchClient ana = anaWith(ReportOutbox.open(file), sees);
        awaitState(ana, MatchClient.State.CONNECTED);

        f.stopHost();
        awaitState(ana, MatchClient.State.RECONNECTING);
        List<PendingReport> offline = new ArrayList<>();
        for (TimelineEvent e : fiveEvents()) {
            offline.add(ana.report(e));
        }
        assertEquals(5, ReportOutbox.open(file).size(), "the five are in the outbox's file as report() returns");

        Thread.sleep(TIMEOUT.toMillis() + 1_500); // well past the report timeout, with the host still down
        for (PendingReport r : offline) {
            assertEquals(PendingReport.State.PENDING, r.state(), "a report does not time out while the host is "
                    + "unreachable: " + r);
            assertTrue(r.isWaiting(), "it says it waits for the host: " + r);
        }
        assertEquals(offline, ana.waiting());

        f.startHost(port);
        Await.until("the five are accepted", () -> offline.stream().allMatch(r -> r.state() == PendingReport.State.ACCEPTED),
                () -> offline.toString());
        for (int i = 0; i < 5; i++) {
            PendingReport r = offline.get(i);
            Accepted a = ana.timeline().latest(r.eventId().orElseThrow()).orElseThrow();
            assertEquals(fiveEvents().get(i), a.event(), "accepted as reported, with its original time");
        }
        assertEquals(5, f.host().lastSeq(), "five events, none twice: " + f.host().timeline());
        assertEquals(List.of(), ana.waiting());
        Await.until("the outbox is empty", () -> ana.outbox().orElseThrow().size() == 0);
        assertEquals(0, ReportOutbox.open(file).size(), "and so is its file");
    }

    @Test
    void reportsLeftWaitingByAClosedClientAreSentOnceByTheNextClientOfTheOutbox() throws Exception {
        int port = HostFixture.freePort();
        f = HostFixture.start(lookup, journal, 1, b -> b.port(port));
        Path file = peerData.resolve("match.ana" + ReportOutbox.SUFFIX);
        MatchClient before = anaWith(ReportOutbox.open(file), new Recorder());
        awaitState(before, MatchClient.State.CONNECTED);
        PendingReport early = before.report(event("Goal", "Turkey", at(1)));
        assertEquals(PendingReport.State.ACCEPTED, early.outcome().get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS).state(), early.toString());

        f.stopHost();
        awaitState(before, MatchClient.State.RECONNECTING);
        List<PendingReport> offline = new ArrayList<>();
        for (TimelineEvent e : fiveEvents()) {
            offline.add(before.report(e));
        }
        before.close(); // the workbench exits while they wait
        for (PendingReport r : offline) {
            assertTrue(r.detail().orElseThrow().contains("kept in " + file.toAbsolutePath()), r.toString());
        }
        List<ReportOutbox.Entry> kept = ReportOutbox.open(file).entries();
        assertEquals(offline.stream().map(PendingReport::localId).toList(), kept.stream().map(ReportOutbox.Entry::ref)
                .toList(), "the waiting five, not the accepted goal");
        assertTrue(kept.stream().noneMatch(ReportOutbox.Entry::sent), kept.toString());

        f.startHost(port);
        Recorder sees = new Recorder();
        MatchClient after = anaWith(ReportOutbox.open(file), sees);
        List<PendingReport> taken = after.reports();
        assertEquals(offline.stream().map(PendingReport::localId).toList(), taken.stream().map(PendingReport::localId)
                .toList(), "the new client took the five over, with their refs");
        assertEquals(offline.stream().map(PendingReport::sentAt).toList(), taken.stream().map(PendingReport::sentAt)
                .toList(), "and the times they were made");
        Await.until("the five are accepted", () -> taken.stream().allMatch(r -> r.state() == PendingReport.State.ACCEPTED),
                () -> taken.toString());
        Await.until("the outbox is empty", () -> after.outbox().orElseThrow().size() == 0);

        PendingReport next = after.report(event("Corner", "Italy", at(30)));
        assertEquals("r-" + (Integer.parseInt(offline.get(4).localId().substring(2)) + 1), next.localId(),
                "new refs follow the ones taken over");
        assertEquals(PendingReport.State.ACCEPTED, next.outcome().get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS).state());

        Map<String, List<Instant>> expected = new TreeMap<>();
        expected.put("Goal", List.of(at(1)));
        for (TimelineEvent e : fiveEvents()) {
            expected.computeIfAbsent(e.title(), t -> new ArrayList<>()).add(e.time());
        }
        expected.computeIfAbsent("Corner", t -> new ArrayList<>()).add(at(30));
        assertEquals(expected, timesByTitle(f.host().timeline()), "every report once, at its original time");
        assertEquals(7, f.host().lastSeq());
        assertEquals(0, ReportOutbox.open(file).size());
    }

    @Test
    void aReportThatWasSentIsNotSentAgainByTheNextClientButMatchedOrDeclaredLost() throws Exception {
        f = HostFixture.start(lookup, journal, 1, b -> { });
        Recorder first = new Recorder();
        MatchClient earlier = f.client("ana", options(), first);
        PendingReport corner = earlier.report(event("Corner", "Italy", at(1)));
        assertEquals(PendingReport.State.ACCEPTED, corner.outcome().get(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS).state());
        earlier.close();

        // as a workbench leaves its outbox when it stops right after sending: both noted as sent, the host got one
        Path file = peerData.resolve("match.ana" + ReportOutbox.SUFFIX);
        ProtocolCodec codec = ProtocolCodec.standard();
        String line1 = "{\"sent\":true,\"report\":" + codec.encode(new EventReport(at(1), "-", event("Corner", "Italy",
                at(1)), "r-1")) + "}";
        String line2 = "{\"sent\":true,\"report\":" + codec.encode(new EventReport(at(3), "-", event("Foul", "Turkey",
                at(3)), "r-2")) + "}";
        Files.writeString(file, "{\"type\":\"sideline-outbox\",\"version\":1}\n" + line1 + "\n" + line2 + "\n");

        Recorder sees = new Recorder();
        MatchClient after = anaWith(ReportOutbox.open(file), sees);
        List<PendingReport> taken = after.reports();
        assertEquals(2, taken.size());
        assertFalse(taken.get(0).isWaiting(), "a sent report does not wait to be sent");
        Await.until("both are settled", () -> taken.stream().noneMatch(PendingReport::isPending), taken::toString);

        assertEquals(PendingReport.State.ACCEPTED, taken.get(0).state(), "the host's catch-up accounts for the corner: "
                + taken.get(0));
        assertEquals(PendingReport.State.NOT_ACCEPTED, taken.get(1).state());
        String why = taken.get(1).detail().orElseThrow();
        assertTrue(why.contains("the host may not have received it") && why.contains("report it again"), why);
        assertEquals(1, f.host().lastSeq(), "nothing was sent a second time: " + f.host().timeline());
        assertEquals(0, ReportOutbox.open(file).size(), "both settled, the outbox is empty");
    }

    @Test
    void anOutboxSurvivesACrashWhileItIsWritten() throws Exception {
        f = HostFixture.start(lookup, journal, 1, b -> { });
        Path file = peerData.resolve("match.ana" + ReportOutbox.SUFFIX);
        MatchClient ana = anaWith(ReportOutbox.open(file), new Recorder());
        awaitState(ana, MatchClient.State.CONNECTED);
        f.stopHost();
        awaitState(ana, MatchClient.State.RECONNECTING);
        ana.report(event("Corner", "Italy", at(1)));
        ana.report(event("Foul", "Turkey", at(2)));
        ana.close();
        byte[] before = Files.readAllBytes(file);

        // a write cut off half-way (power lost, the process killed): the file is as it was
        IOException cut = assertThrows(IOException.class, () -> AtomicFile.write(file, out -> {
            out.write(before, 0, before.length / 2);
            throw new IOException("power lost");
        }));
        assertEquals("power lost", cut.getMessage());
        // and what a killed process leaves: half a temporary file beside it
        Files.write(peerData.resolve("." + file.getFileName() + ".5ca1ab1e.tmp"), java.util.Arrays.copyOf(before,
                before.length / 2));

        assertArrayEquals(before, Files.readAllBytes(file));
        List<ReportOutbox.Entry> entries = ReportOutbox.open(file).entries();
        assertEquals(List.of("Corner", "Foul"), entries.stream().map(e -> e.event().title()).toList());
        assertEquals(List.of(at(1), at(2)), entries.stream().map(e -> e.event().time()).toList());
    }

    @Test
    void aDamagedOutboxIsRefusedWithAClearMessageAndLeftAsItIs() throws Exception {
        ProtocolCodec codec = ProtocolCodec.standard();
        String header = "{\"type\":\"sideline-outbox\",\"version\":1}\n";
        String good = "{\"sent\":false,\"report\":" + codec.encode(new EventReport(at(1), "-", event("Corner", "Italy",
                at(1)), "r-1")) + "}\n";

        Path readme = peerData.resolve("README.md");
        Files.writeString(readme, "# Notes\nnot an outbox\n");
        assertEquals("README.md is not a Sideline outbox of waiting reports", problem(readme).problem());

        Path damaged = peerData.resolve("damaged" + ReportOutbox.SUFFIX);
        Files.writeString(damaged, header + good + "{\"sent\":false,\"report\":{\"type\":\"event\"}}\n");
        SavedMatch.FormatException e = problem(damaged);
        assertEquals(3, e.line());
        assertTrue(e.problem().startsWith("a waiting report is damaged: "), e.problem());
        assertTrue(e.getMessage().startsWith(damaged + ": line 3: "), e.getMessage());

        Path cut = peerData.resolve("cut" + ReportOutbox.SUFFIX);
        Files.writeString(cut, header + good + good.substring(0, 40));
        assertTrue(problem(cut).problem().startsWith("the file ends in the middle of a line: it was cut short"),
                problem(cut).problem());

        Path empty = peerData.resolve("empty" + ReportOutbox.SUFFIX);
        Files.writeString(empty, "");
        assertEquals(0, ReportOutbox.open(empty).size(), "an empty file: nothing waits");
        assertEquals(0, ReportOutbox.open(peerData.resolve("none" + ReportOutbox.SUFFIX)).size(), "no file either");
    }

    /** @return the problem opening the file, which is left byte for byte as it was */
    private static SavedMatch.FormatException problem(Path file) throws IOException {
        byte[] before = Files.readAllBytes(file);
        SavedMatch.FormatException e = assertThrows(SavedMatch.FormatException.class, () -> ReportOutbox.open(file));
        assertArrayEquals(before, Files.readAllBytes(file), "the file is left as it is");
        assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(file));
        return e;
    }
}
