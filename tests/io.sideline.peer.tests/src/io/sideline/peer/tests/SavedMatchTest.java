package io.sideline.peer.tests;

import static io.sideline.peer.tests.Messages.accepted;
import static io.sideline.peer.tests.Messages.at;
import static io.sideline.peer.tests.Messages.confirmation;
import static io.sideline.peer.tests.Messages.event;
import static io.sideline.peer.tests.Messages.first;
import static io.sideline.peer.tests.Messages.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.peer.MatchClient;
import io.sideline.peer.SavedMatch;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Message;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * {@link SavedMatch}: a written match reads back equal; a real host's journal reads, with its setup file or
 * without; a damaged file is refused with the file, the line and the problem, and nothing half-read.
 */
class SavedMatchTest {

    private static final ProtocolCodec CODEC = ProtocolCodec.standard();

    @TempDir
    Path dir;

    private final Setup setup = new Setup(List.of("Turkey", "Italy"), HostFixture.TITLES, "euro2020-a-tur-ita",
            "Turkey v Italy, UEFA Euro 2020 Group A", "football", 5L);
    private final Accepted goal = accepted(1, "e-1", 1, Accepted.Status.ACCEPTED, "Goal", "Italy", 53, 12,
            "Domenico Berardi", 2, 0.5);
    private final Accepted shot = first(2, "e-2", "Shot on target", "Turkey", 60, 2);
    private final List<Accepted> messages = List.of(goal, shot, confirmation(goal, 3, 4),
            next(goal, 4, Accepted.Status.AMENDED, new TimelineEvent("Own goal", "Turkey", goal.event().time())
                    .withPlayer("Merih Demiral")),
            next(shot, 5, Accepted.Status.RETRACTED, shot.event()));

    private static String line(Message message) {
        return CODEC.encode(message);
    }

    @Test
    void aWrittenMatchReadsBackEqual() throws Exception {
        SavedMatch saved = new SavedMatch(setup, List.of(messages.get(3), messages.get(0), messages.get(4),
                messages.get(1), messages.get(2)));
        assertEquals(messages, saved.messages(), "kept in seq order");
        Path file = dir.resolve("tur-ita.sideline");
        saved.write(file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(6, lines.size(), "the setup and five messages");
        assertEquals(line(setup), lines.get(0), "the setup first");
        assertEquals(line(messages.get(4)), lines.get(5));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }

        SavedMatch read = SavedMatch.read(file);
        assertEquals(saved, read);
        assertEquals(saved.toTimeline().latest(), read.toTimeline().latest());

        SavedMatch smaller = new SavedMatch(setup, messages.subList(0, 2));
        smaller.write(file);
        assertEquals(smaller, SavedMatch.read(file), "writing again replaces the file");
    }

    @Test
    void aRealHostsJournalReadsWithADerivedSetupOrWithItsSetupFile(@TempDir Path lookupDir) throws Exception {
        List<Accepted> timeline;
        String matchId;
        try (LookupFixture lookup = LookupFixture.start(lookupDir, "ana");
                HostFixture f = HostFixture.start(lookup, dir, 1, b -> { })) {
            MatchClient ana = f.client("ana", MatchClient.Options.defaults(), new Recorder());
            ana.report(event("Corner", "Italy", at(1)));
            ana.report(event("Foul", "Turkey", at(2)));
            ana.report(event("Goal", "Italy", at(3)));
            Await.until("three events accepted", () -> ana.timeline().lastSeq() == 3);
            timeline = f.host().timeline();
            matchId = f.match.id();
        }
        Path journal = dir.resolve(matchId + ".journal");
        assertTrue(Files.isRegularFile(journal), "the host wrote " + journal);

        Path setupFile = dir.resolve(matchId + ".setup.json");
        assertTrue(Files.isRegularFile(setupFile), "the host writes its setup beside the journal");
        SavedMatch asHosted = SavedMatch.read(journal);
        assertEquals(timeline, asHosted.messages(), "every accepted message, as the host holds them");
        assertEquals(List.of("Turkey", "Italy"), asHosted.setup().origins(), "the host's teams, home first");
        assertEquals(HostFixture.TITLES, asHosted.setup().actions(), "every action the host offered");
        assertEquals(matchId, asHosted.setup().matchId());

        Files.delete(setupFile); // a journal copied without its setup
        SavedMatch derived = SavedMatch.read(journal);
        assertEquals(timeline, derived.messages());
        assertEquals(List.of("Italy", "Turkey"), derived.setup().origins(), "origins in the order they appear");
        assertEquals(List.of("Corner", "Foul", "Goal"), derived.setup().actions(), "the titles seen");
        assertEquals(matchId, derived.setup().matchId());

        Setup hostSetup = new Setup(List.of("Turkey", "Italy"), HostFixture.TITLES, matchId, "Turkey – Italy", "football",
                3L);
        Files.writeString(setupFile, line(hostSetup) + "\n");
        SavedMatch withSetup = SavedMatch.read(journal);
        assertEquals(hostSetup, withSetup.setup(), "the setup file beside the journal");
        assertEquals(timeline, withSetup.messages());
    }

    @Test
    void aJournalsLastLineCutShortByACrashIsLeftOut() throws Exception {
        Path journal = dir.resolve("m1.journal");
        String full = line(messages.get(0)) + "\n" + line(messages.get(1)) + "\n";
        Files.writeString(journal, full + line(messages.get(2)).substring(0, 40));
        assertEquals(messages.subList(0, 2), SavedMatch.read(journal).messages());
    }

    @Test
    void aMalformedLineIsRefusedNamingTheFileAndTheLine() throws Exception {
        Path file = dir.resolve("damaged.sideline");
        Files.writeString(file, line(setup) + "\n" + line(messages.get(0)) + "\n{\"type\": \"accepted\", \"seq\": \n"
                + line(messages.get(1)) + "\n");
        SavedMatch.FormatException e = assertThrows(SavedMatch.FormatException.class, () -> SavedMatch.read(file));
        assertTrue(e.getMessage().contains("damaged.sideline"), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed JSON"), "the codec's explanation: " + e.getMessage());
        assertEquals(3, e.line());
        assertEquals(file, e.file());
    }

    @Test
    void aLineThatIsNotAnAcceptedMessageIsRefused() throws Exception {
        Path file = dir.resolve("mixed.sideline");
        Files.writeString(file, line(setup) + "\n" + line(messages.get(0)) + "\n" + line(setup) + "\n");
        SavedMatch.FormatException e = assertThrows(SavedMatch.FormatException.class, () -> SavedMatch.read(file));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("\"setup\""), e.getMessage());

        Path invalid = dir.resolve("invalid.sideline");
        Files.writeString(invalid, line(setup) + "\n" + line(messages.get(0)).replace("\"accepted\",\"event\"",
                "\"pending\",\"event\"") + "\n");
        SavedMatch.FormatException bad = assertThrows(SavedMatch.FormatException.class, () -> SavedMatch.read(invalid));
        assertTrue(bad.getMessage().contains("line 2") && bad.getMessage().contains("\"status\" is \"pending\""),
                bad.getMessage());
    }

    @Test
    void messagesOutOfSeqOrderAreRefused() throws Exception {
        Path file = dir.resolve("unordered.journal");
        Files.writeString(file, line(messages.get(1)) + "\n" + line(messages.get(0)) + "\n");
        SavedMatch.FormatException e = assertThrows(SavedMatch.FormatException.class, () -> SavedMatch.read(file));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("unordered.journal") && e.getMessage().contains("seq 1 follows seq 2"),
                e.getMessage());
    }

    @Test
    void anEmptyOrUnknownFirstLineIsRefused() throws Exception {
        List<String> problems = new ArrayList<>();
        String[] contents = { "", "\n" + line(setup) + "\n", "{\"type\": \"heartbeat\", \"time\": 1623441120000}\n",
                "Turkey,Italy\n" };
        for (int i = 0; i < contents.length; i++) {
            Path file = dir.resolve("first-" + i + ".sideline");
            Files.writeString(file, contents[i]);
            SavedMatch.FormatException e = assertThrows(SavedMatch.FormatException.class, () -> SavedMatch.read(file),
                    "file " + i);
            assertEquals(1, e.line(), e.getMessage());
            assertTrue(e.getMessage().contains(file.getFileName().toString()) && e.getMessage().contains("line 1"),
                    e.getMessage());
            problems.add(e.problem());
        }
        assertTrue(problems.get(0).contains("empty"), problems.get(0));
        assertTrue(problems.get(1).contains("blank"), problems.get(1));
        assertTrue(problems.get(2).contains("\"heartbeat\""), problems.get(2));
        assertTrue(problems.get(3).contains("malformed JSON"), problems.get(3));
    }

    @Test
    void aDamagedSetupFileBesideAJournalIsNamed() throws Exception {
        Path journal = dir.resolve("m2.journal");
        Files.writeString(journal, line(messages.get(0)) + "\n");
        Files.writeString(dir.resolve("m2.setup.json"), "{\"type\": \"setup\", \"origins\": [\"Turkey\"]}\n");
        SavedMatch.FormatException e = assertThrows(SavedMatch.FormatException.class, () -> SavedMatch.read(journal));
        assertTrue(e.getMessage().contains("m2.setup.json") && e.getMessage().contains("\"actions\" is missing"),
                e.getMessage());
    }
}
