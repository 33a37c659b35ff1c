package io.sideline.interop.tests;

import static io.sideline.interop.tests.Fixtures.SPORTSCODE_SAMPLE;
import static io.sideline.interop.tests.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.sideline.cli.Command;
import io.sideline.interop.Progress;
import io.sideline.interop.SportscodeFile;
import io.sideline.peer.SavedMatch;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.TimelineEvent;

/** {@code ./sideline import} and {@code ./sideline export} as a person at a terminal meets them. */
class InteropCommandsTest {

    static final Instant KICKOFF = Instant.parse("2021-06-11T19:00:00Z");

    @TempDir
    Path dir;

    @Test
    void importExportAndImportAgainKeepsEveryInstance() throws Exception {
        Path match = dir.resolve("sample.sideline");
        Path xml = dir.resolve("again.xml");
        Path again = dir.resolve("again.sideline");

        Cli first = new Cli();
        assertEquals(Command.EXIT_OK, first.run("import", SPORTSCODE_SAMPLE.toString(), "--out", match.toString()),
                first.err());
        assertTrue(first.out().contains("imported Hudl Sportscode XML") && first.out().contains("3 events"), first.out());
        Cli export = new Cli();
        assertEquals(Command.EXIT_OK, export.run("export", match.toString(), "--format", "sportscode", "--out",
                xml.toString()), export.err());
        assertTrue(export.out().contains("exported 3 instances (2 codes)"), export.out());
        Cli second = new Cli();
        assertEquals(Command.EXIT_OK, second.run("import", xml.toString(), "--out", again.toString()), second.err());

        assertEquals(SportscodeFile.read(SPORTSCODE_SAMPLE, Progress.NONE).instances(),
                SportscodeFile.read(xml, Progress.NONE).instances());
        assertEquals(List.of("P1", "P2", "P3"), SavedMatch.read(again).messages().stream().map(Accepted::id).toList());
        assertEquals(events(SavedMatch.read(match)), events(SavedMatch.read(again)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "import | SAMPLE                                 | 2 | say where the match goes with --out MATCH",
            "import | SAMPLE --out OUT --bogus               | 2 | unknown option --bogus",
            "import | --out OUT                              | 2 | name the file to import",
            "import | SAMPLE --out OUT --kickoff yesterday   | 2 | --kickoff \"yesterday\" is not a time",
            "import | SAMPLE --out OUT --lead -3             | 2 | --lead \"-3\" is not a number of seconds",
            "import | SAMPLE --out EXISTING                  | 1 | exists; add --force to replace it",
            "import | NOSUCH --out OUT                       | 1 | there is no file",
            "import | SAMPLE --out OUT --sport nosuch        | 1 | no sport \"nosuch\" is installed",
            "export | MATCH --format xml --out OUT           | 2 | cannot export as \"xml\"",
            "export | MATCH --format statsbomb --out OUT     | 2 | cannot export as \"statsbomb\"",
            "export | MATCH --out OUT                        | 2 | --format sportscode or --format csv",
            "export | MATCH --format csv                     | 2 | say where the file goes with --out FILE",
            "export | MATCH --format csv --out EXISTING      | 1 | exists; add --force to replace it",
            "export | SAMPLE --format csv --out OUT          | 1 | code_xml_sample.xml: line 1:" })
    void aWrongCommandLineIsAnsweredAndNothingIsWritten(String command, String args, int exit, String says)
            throws Exception {
        Path match = dir.resolve("match.sideline");
        Fixtures.recorded().write(match);
        Path existing = Fixtures.write(dir, "existing.csv", "kept");
        Path out = dir.resolve("out.file");
        String[] argv = Arrays.stream(args.strip().split("\\s+")).map(a -> switch (a) {
            case "SAMPLE" -> SPORTSCODE_SAMPLE.toString();
            case "MATCH" -> match.toString();
            case "EXISTING" -> existing.toString();
            case "OUT" -> out.toString();
            case "NOSUCH" -> dir.resolve("nosuch.xml").toString();
            default -> a;
        }).toArray(String[]::new);

        Cli cli = new Cli();
        assertEquals(exit, cli.run(command, argv), cli.err());
        assertTrue(cli.err().contains(says), cli.err());
        assertTrue(cli.err().startsWith("sideline " + command + ": "), cli.err());
        assertEquals(exit == Command.EXIT_USAGE, cli.err().contains("usage: ./sideline " + command), cli.err());
        assertFalse(Files.exists(out));
        assertEquals("kept", Files.readString(existing));
    }

    @Test
    void importWithASportRecordsItAndUsesItsClipLead() throws Exception {
        Path out = dir.resolve("football.sideline");

        Cli cli = new Cli();
        assertEquals(Command.EXIT_OK, cli.run("import", SPORTSCODE_SAMPLE.toString(), "--out", out.toString(), "--sport",
                "football", "--kickoff", KICKOFF.toString()), cli.err());
        SavedMatch match = SavedMatch.read(out);
        assertEquals("football", match.setup().sport());
        assertEquals(List.of(KICKOFF.plusMillis(9_700), KICKOFF.plusMillis(74_500), KICKOFF.plusMillis(109_600)),
                match.messages().stream().map(a -> a.event().time()).toList(),
                "football's 10 s lead runs past each end: each event is at its instance's end");
    }

    @Test
    void anExplicitLeadWinsOverTheSports() throws Exception {
        Path out = dir.resolve("lead.sideline");

        Cli cli = new Cli();
        assertEquals(Command.EXIT_OK, cli.run("import", SPORTSCODE_SAMPLE.toString(), "--out", out.toString(), "--sport",
                "football", "--lead", "2", "--kickoff", KICKOFF.toString()), cli.err());
        assertEquals(KICKOFF.plusMillis(5_600), SavedMatch.read(out).messages().get(0).event().time());
    }

    @Test
    void forceReplacesAnEarlierMatch() throws Exception {
        Path out = Fixtures.write(dir, "match.sideline", "an earlier match");

        Cli cli = new Cli();
        assertEquals(Command.EXIT_OK, cli.run("import", Fixtures.STATSBOMB_EVENTS.toString(), "--out", out.toString(),
                "--force", "--kickoff", KICKOFF.toString()), cli.err());
        SavedMatch match = SavedMatch.read(out);
        assertEquals("Turkey – Italy", match.setup().name());
        assertTrue(cli.out().contains("imported StatsBomb events JSON") && cli.out().contains("Turkey – Italy, "
                + match.messages().size() + " events, 2 teams"), cli.out());
        assertEquals(KICKOFF, match.messages().get(0).event().time());
    }

    @Test
    void exportTakesTheClipFromTheMatchsSportOrFromTheCommandLine() throws Exception {
        Path match = dir.resolve("recorded.sideline");
        Fixtures.recorded().write(match);
        Path football = dir.resolve("football.xml");
        Path own = dir.resolve("own.xml");

        Cli cli = new Cli();
        assertEquals(Command.EXIT_OK, cli.run("export", match.toString(), "--format", "sportscode", "--out",
                football.toString()), cli.err());
        assertEquals(List.of("0", "15", "31", "46", "90", "105"), times(football), "football: 10 s before, 5 s after");

        Cli other = new Cli();
        assertEquals(Command.EXIT_OK, other.run("export", match.toString(), "--format", "sportscode", "--out",
                own.toString(), "--video-start", T0.minusSeconds(60).toString(), "--lead", "2", "--lag", "3.5"),
                other.err());
        assertEquals(List.of("58", "63.5", "89", "94.5", "148", "153.5"), times(own));
    }

    private static List<String> times(Path xml) throws Exception {
        return SportscodeFile.read(xml, Progress.NONE).instances().stream()
                .flatMap(i -> java.util.stream.Stream.of(i.start(), i.end())).map(BigDecimal::toPlainString).toList();
    }

    private static List<TimelineEvent> events(SavedMatch match) {
        return match.toTimeline().latest().stream().map(Accepted::event).toList();
    }
}
