package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static io.sideline.testing.HostFixture.oneTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.sideline.lookup.Match;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;
import io.sideline.testing.ChildJvm;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * Issue 13: two accounts sent Foul reports with 250 qualifiers of 200 characters (57 KB per accepted event) until
 * the host died of a full heap, and then could not start again: it read its 829 MB journal whole. A report's
 * qualifiers are capped (16, names of 40 characters, 2 KiB together), a match's timeline is capped (accepted
 * messages and journal bytes, {@code match_full} beyond), and a journal is read one line at a time, so a host
 * always starts on its own journal: at its cap, with a damaged end, and in a heap smaller than the journal read
 * whole would need.
 */
class TimelineLimitsTest {

    private static final ProtocolCodec CODEC = ProtocolCodec.standard();

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path dir;
    HostFixture f;
    Process child;

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, "ana", "ben");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @AfterEach
    void stop() throws Exception {
        if (f != null) {
            f.close();
        }
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(Await.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private Path journal() {
        return dir.resolve("journal").resolve(f.match.id() + ".journal");
    }

    /** @return a report of ana's with {@code n} qualifiers "q000"… whose values are {@code length} characters */
    private String reportWithQualifiers(String title, long eventMillis, int n, int length) throws Exception {
        JsonObject report = JsonParser.parseString(Wire.report(f.token("ana"), title, "Italy", eventMillis)).getAsJsonObject();
        JsonObject q = new JsonObject();
        for (int i = 0; i < n; i++) {
            q.addProperty(String.format("q%03d", i), "v".repeat(length));
        }
        report.getAsJsonObject("event").add("qualifiers", q);
        return report.toString();
    }

    @Test
    void aFoulWithTwoHundredFiftyQualifiersOfTwoHundredCharactersIsRefusedAndNothingIsKept() throws Exception {
        f = HostFixture.start(lookup, dir.resolve("journal"), b -> { });
        Peer ana = Peer.join(f, "ana");

        ana.send(reportWithQualifiers("Foul", at(1), 250, 200));
        ErrorMessage e = ana.next(ErrorMessage.class);
        assertEquals("too_long", e.code(), e.toString());
        assertEquals("event.qualifiers", e.field());
        assertTrue(e.message().contains("250") && e.message().contains("16"), e.message());
        ana.send(reportWithQualifiers("Foul", at(2), 11, 200)); // 2,233 bytes
        ErrorMessage bytes = ana.next(ErrorMessage.class);
        assertEquals("too_long", bytes.code(), bytes.toString());
        assertTrue(bytes.message().contains("2048"), bytes.message());
        assertEquals(0, Peer.settle(f, ana), "neither report is on the timeline");
        assertEquals(0, Files.size(journal()), "nor in the journal");

        ana.send(reportWithQualifiers("Foul", at(3), 16, 100)); // 16 × 104 = 1,664 bytes
        Accepted a = ana.next(Accepted.class);
        assertEquals(16, a.event().qualifiers().size(), "a report within the limits keeps its qualifiers");
    }

    @Test
    void aFullTimelineRefusesReportsWithMatchFullKeepsServingAndAHostRestartsOnItsJournalAtTheCap() throws Exception {
        f = HostFixture.start(lookup, dir.resolve("journal"), b -> b.timelineLimit(5, 1024 * 1024));
        Peer ana = Peer.join(f, "ana");
        for (int i = 1; i <= 5; i++) {
            Peer.report(f, ana, "ana", "Corner", "Italy", at(i));
        }
        Await.until("ana holds the five events", () -> ana.highestSeq() >= 5);

        Peer.report(f, ana, "ana", "Goal", "Italy", at(6));
        ErrorMessage full = ana.next(ErrorMessage.class);
        assertEquals("match_full", full.code(), full.toString());
        assertTrue(full.message().contains("5 of 5 accepted messages"), full.message());
        assertFalse(ana.closed.isDone(), "a full match keeps its peers");
        assertEquals(5, Peer.settle(f, ana));

        f.restart();
        assertTrue(f.log.stream().anyMatch(l -> l.startsWith("recovered 5 accepted events")), f.log.toString());
        Peer ben = Peer.join(f, "ben");
        Await.until("ben catches up on the five", () -> ben.highestSeq() >= 5);
        assertEquals(oneTo(5), ben.seqs());
        Peer.report(f, ben, "ben", "Goal", "Turkey", at(7));
        assertEquals("match_full", ben.next(ErrorMessage.class).code(), "still full after the restart");
        assertEquals(5, Peer.settle(f, ben));
    }

    @Test
    void theJournalNeverGrowsPastItsByteCap() throws Exception {
        // reports are taken while the journal is at least 8 KiB (the largest accepted message) short of its cap; an
        // accepted Corner is about 250 bytes
        long cap = 8 * 1024 + 1000;
        f = HostFixture.start(lookup, dir.resolve("journal"), b -> b.timelineLimit(1000, cap));
        Peer ana = Peer.join(f, "ana");
        ErrorMessage full = null;
        for (int i = 1; i <= 20 && full == null; i++) {
            Peer.report(f, ana, "ana", "Corner", "Italy", at(i));
            int n = i;
            Await.until("report " + i + " is accepted or refused",
                    () -> ana.highestSeq() >= n || !ana.received(ErrorMessage.class).isEmpty(), () -> ana.texts().toString());
            List<ErrorMessage> errors = ana.received(ErrorMessage.class);
            full = errors.isEmpty() ? null : errors.get(0);
        }
        assertTrue(full != null, "the match filled up within 20 reports: " + ana.texts());
        assertEquals("match_full", full.code(), full.toString());
        long size = Files.size(journal());
        assertTrue(size <= cap, "the journal holds " + size + " bytes, the cap is " + cap);
        assertTrue(ana.highestSeq() >= 2, "what fits is accepted: " + ana.seqs());
        assertTrue(size > cap - 8 * 1024 - 300, "and the journal fills up to within one line of the headroom: " + size);
        assertEquals(Files.readAllLines(journal()).size(), ana.highestSeq(), "the peer holds what the journal holds");
    }

    @Test
    void aJournalWhoseLastLineIsHugeAndCutShortRestartsWithEveryCompleteLine() throws Exception {
        List<Accepted> before = threeEventsThenStop();
        try (OutputStream out = Files.newOutputStream(journal(), StandardOpenOption.APPEND)) {
            byte[] chunk = ("{\"type\":\"accepted\",\"qualifiers\":\"" + "x".repeat(1000)).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 5_000; i++) { // 5 MB of a line that never ends: a torn write
                out.write(chunk);
            }
        }
        assertRestartsWith(before);
        try (Stream<Path> files = Files.list(journal().getParent())) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".damaged-")),
                    "a line cut short by a crash was never complete: it is dropped, not saved");
        }
    }

    @Test
    void aJournalWhoseLastLinesAreUnreadableRestartsWithEveryCompleteLineAndSavesTheRest() throws Exception {
        List<Accepted> before = threeEventsThenStop();
        String tail = "{\"type\":\"accepted\",\"time\":16234\n" + "\0".repeat(4096) + "\n" + "x".repeat(2 * 1024 * 1024)
                + "\n";
        Files.writeString(journal(), tail, StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertRestartsWith(before);
        Path saved;
        try (Stream<Path> files = Files.list(journal().getParent())) {
            saved = files.filter(p -> p.getFileName().toString().startsWith(f.match.id() + ".journal.damaged-"))
                    .findFirst().orElseThrow(() -> new AssertionError("the cut-off lines are saved beside the journal"));
        }
        assertEquals(tail, Files.readString(saved), "every cut-off byte is kept");
        assertTrue(f.log.stream().anyMatch(l -> l.contains("line 4 is unreadable") && l.contains(saved.toString())),
                "the host says what it cut off, and where it is: " + f.log);
    }

    @Test
    void aJournalDamagedInsideIsRefusedWithTheLineAndNothingIsCut() throws Exception {
        threeEventsThenStop();
        List<String> lines = new ArrayList<>(Files.readAllLines(journal()));
        lines.set(1, "{\"type\":\"accepted\", damaged");
        Files.write(journal(), lines);
        long size = Files.size(journal());

        Exception e = assertThrows(Exception.class, () -> f.startHost(0));
        assertTrue(e.getMessage().contains("damaged at line 2") && e.getMessage().contains("move the journal aside"),
                e.getMessage());
        assertEquals(size, Files.size(journal()), "a journal damaged inside is left as it is");
    }

    @Test
    void aHostWithA64MegabyteHeapRestartsOnAJournalThatReadWholeWouldNotFitInIt() throws Exception {
        Match match = lookup.createMatch("ana");
        Path journalDir = dir.resolve("big");
        Files.createDirectories(journalDir);
        Path file = journalDir.resolve(match.id() + ".journal");
        // 10,000 versions of 100 events, each with 2 KiB of qualifiers: 24 MB, under the default cap of 32 MiB
        int lines = 10_000;
        Map<String, String> qualifiers = new LinkedHashMap<>();
        for (int q = 0; q < 16; q++) {
            qualifiers.put(String.format("%040d", q), "v".repeat(88));
        }
        Instant t = Instant.parse("2021-06-11T19:00:00Z");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int seq = 1; seq <= lines; seq++) {
                int event = (seq - 1) % 100 + 1;
                int version = (seq - 1) / 100 + 1;
                w.write(CODEC.encode(new Accepted(t.plusSeconds(seq), "e" + event, seq, version,
                        version == 1 ? Accepted.Status.ACCEPTED : Accepted.Status.AMENDED,
                        new TimelineEvent("Foul", "Italy", t.plusSeconds(event * 60L), null, null, null, qualifiers), 1, 1.0,
                        null)));
                w.write('\n');
            }
        }
        long size = Files.size(file);
        assertTrue(size > 20 * 1024 * 1024 && size < 32 * 1024 * 1024, "a journal of " + size + " bytes");

        ChildJvm host = ChildJvm.start(dir, HostProcess.class,
                List.of("-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), "READY ", "0", journalDir.toString(), match.id(),
                lookup.server.uri().toString(), "ana", lookup.session("ana").token());
        child = host.process();
        String uri = "ws://127.0.0.1:" + host.readyLine().substring(6).trim() + "/match";
        try (Peer ben = new Peer(java.net.URI.create(uri))) {
            String token = lookup.joinToken("ben", match.id());
            ben.send(Wire.hello(token, lines - 1));
            assertEquals(lines, ben.next(Setup.class).lastSeq(), "the host serves the whole journal");
            assertEquals(lines, ben.next(Accepted.class).seq(), "and sends what ben lacks");
            ben.send(Wire.report(token, "Goal", "Turkey", at(200)));
            assertEquals(lines + 1, ben.next(Accepted.class, a -> a.seq() > lines).seq(), "and goes on");
        }
    }

    /** @return the three events ana reported to a fresh host, which is then stopped */
    private List<Accepted> threeEventsThenStop() throws Exception {
        f = HostFixture.start(lookup, dir.resolve("journal"), b -> { });
        Peer ana = Peer.join(f, "ana");
        for (int i = 1; i <= 3; i++) {
            Peer.report(f, ana, "ana", "Corner", "Italy", at(i));
        }
        Await.until("ana holds the three events", () -> ana.highestSeq() >= 3);
        List<Accepted> before = ana.received(Accepted.class);
        f.stopHost();
        return before;
    }

    /** starts the host again and checks it serves exactly these events, and the next one takes the next seq */
    private void assertRestartsWith(List<Accepted> before) throws Exception {
        f.startHost(0);
        Peer ben = Peer.join(f, "ben");
        Await.until("ben catches up", () -> ben.highestSeq() >= before.size());
        assertEquals(before, ben.received(Accepted.class), "every complete line, as it was");
        Peer.report(f, ben, "ben", "Goal", "Turkey", at(50));
        Accepted next = ben.next(Accepted.class, a -> a.seq() > before.size());
        assertEquals(before.size() + 1, next.seq(), "the next event takes the next seq");
        assertEquals(Files.readAllLines(journal()).size(), before.size() + 1, "the journal goes on after its good lines");
    }
}
