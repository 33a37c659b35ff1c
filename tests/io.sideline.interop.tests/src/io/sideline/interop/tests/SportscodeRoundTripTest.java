package io.sideline.interop.tests;

import static io.sideline.interop.tests.Fixtures.AJAX;
import static io.sideline.interop.tests.Fixtures.HENKIE;
import static io.sideline.interop.tests.Fixtures.SPORTSCODE_SAMPLE;
import static io.sideline.interop.tests.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.interop.ImportOptions;
import io.sideline.interop.Interop;
import io.sideline.interop.Progress;
import io.sideline.interop.Sportscode;
import io.sideline.interop.SportscodeFile;
import io.sideline.interop.SportscodeFile.Instance;
import io.sideline.interop.SportscodeFile.Label;
import io.sideline.interop.SportscodeFile.Row;
import io.sideline.peer.SavedMatch;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Location;
import io.sideline.protocol.TimelineEvent;

/** Sportscode XML into a Sideline match and out again: nothing lost, and a recorded match exported as it stands. */
class SportscodeRoundTripTest {

    static final Path SAMPLE = SPORTSCODE_SAMPLE;
    static final Instant KICKOFF = Instant.parse("2021-06-11T19:00:00Z");
    static final Duration LEAD = Duration.ofSeconds(10);
    static final Duration LAG = Duration.ofSeconds(5);

    /** another tool's file: a skipped element, no Team, repeated groups, labels without a group, escapes */
    static final String AWKWARD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- written by hand -->
            <file>
              <SESSION_INFO><start_time>2024-05-01 15:00</start_time></SESSION_INFO>
              <ALL_INSTANCES>
                <instance>
                  <ID>7</ID><start>0</start><end>12.50</end><code>Kick off</code>
                  <label><text>first half</text></label>
                </instance>
                <instance>
                  <ID>8</ID><start>20</start><end>100</end><code>PASS</code>
                  <label><group>Team</group><text>Henkie</text></label>
                  <label><group>Player</group><text>Klaas N&#xF8;me</text></label>
                  <label><group>Receiver</group><text>Piet</text></label>
                  <label><group>Receiver</group><text>Jan &amp; Joris</text></label>
                  <label><group>Team</group><text>Ajax</text></label>
                  <label><group>Player</group><text>Kees</text></label>
                  <label><text>&lt;unclear&gt;</text></label>
                  <label><text>again</text></label>
                  <free_text>not kept</free_text>
                </instance>
                <instance>
                  <ID>9</ID><start>100</start><end>100</end><code>SHOT</code>
                </instance>
              </ALL_INSTANCES>
            </file>
            """;

    @Test
    void theSampleKeepsEveryInstanceIdTimeCodeAndLabel() throws Exception {
        SportscodeFile sample = SportscodeFile.read(SAMPLE, Progress.NONE);

        assertEquals(List.of(
                instance("P1", "3.6", "9.7", "PASS", "Team", "Henkie", "Packing.Value", "1", "Receiver", "Klaas Nøme"),
                instance("P2", "68.3", "74.5", "PASS", "Team", "Henkie", "Packing.Value", "3", "Receiver", "Piet"),
                instance("P3", "103.6", "109.6", "SHOT", "Team", "Henkie", "Expected.Goal.Value", "0.13")),
                sample.instances());
        assertEquals(List.of(), sample.rows(), "the sample has no ROWS");
    }

    @Test
    void theSampleSurvivesImportSaveReadAndExport(@TempDir Path dir) throws Exception {
        SportscodeFile original = SportscodeFile.read(SAMPLE, Progress.NONE);

        SavedMatch match = Interop.importFile(SAMPLE, ImportOptions.defaults().withKickoff(KICKOFF), Progress.NONE);
        Path saved = dir.resolve("sample.sideline");
        match.write(saved);
        Path xml = dir.resolve("again.xml");
        Interop.exportSportscode(SavedMatch.read(saved), xml, null, Duration.ofSeconds(5), Duration.ofSeconds(5));

        assertEquals(original.instances(), SportscodeFile.read(xml, Progress.NONE).instances());
    }

    @Test
    void theSampleBecomesAMatchOfHenkieWithPassesAShotAndTheirQualifiers() throws Exception {
        SavedMatch match = Interop.importFile(SAMPLE, ImportOptions.defaults().withKickoff(KICKOFF), Progress.NONE);

        assertEquals(List.of("Henkie"), match.setup().origins());
        assertEquals(List.of("PASS", "SHOT"), match.setup().actions());
        assertEquals("code_xml_sample", match.setup().name());
        assertNull(match.setup().sport(), "a Sportscode file says nothing of its sport");
        List<Accepted> events = match.toTimeline().latest();
        assertEquals(List.of("P1", "P2", "P3"), events.stream().map(Accepted::id).toList());
        assertEquals(Map.of("Packing.Value", "1", "Receiver", "Klaas Nøme", Sportscode.START, "3.6", Sportscode.END,
                "9.7"), events.get(0).event().qualifiers());
        assertEquals(Map.of("Packing.Value", "3", "Receiver", "Piet", Sportscode.START, "68.3", Sportscode.END,
                "74.5"), events.get(1).event().qualifiers());
        assertEquals(Map.of("Expected.Goal.Value", "0.13", Sportscode.START, "103.6", Sportscode.END, "109.6"),
                events.get(2).event().qualifiers());
        for (Accepted a : events) {
            assertEquals("Henkie", a.event().origin());
            assertNull(a.event().player());
            assertEquals(Accepted.Status.ACCEPTED, a.status());
        }
    }

    @Test
    void anEventIsAtItsStartPlusTheLeadButNotAfterItsEnd() throws Exception {
        ImportOptions options = ImportOptions.defaults().withKickoff(KICKOFF);

        assertEquals(List.of(KICKOFF.plusMillis(8_600), KICKOFF.plusMillis(73_300), KICKOFF.plusMillis(108_600)),
                times(Interop.importFile(SAMPLE, options, Progress.NONE)), "start + 5 s");
        assertEquals(List.of(KICKOFF.plusMillis(9_700), KICKOFF.plusMillis(74_500), KICKOFF.plusMillis(109_600)),
                times(Interop.importFile(SAMPLE, options.withClipLead(LEAD), Progress.NONE)),
                "start + 10 s is after every end: the end");
        assertEquals(List.of(KICKOFF.plusMillis(3_600), KICKOFF.plusMillis(68_300), KICKOFF.plusMillis(103_600)),
                times(Interop.importFile(SAMPLE, options.withClipLead(Duration.ZERO), Progress.NONE)));
    }

    @Test
    void repeatedGroupsLabelsWithoutGroupAndAnInstanceWithoutTeamRoundTripExactly(@TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "awkward.xml", AWKWARD);
        SportscodeFile original = SportscodeFile.read(file, Progress.NONE);
        assertEquals(List.of(
                instance("7", "0", "12.5", "Kick off", null, "first half"),
                instance("8", "20", "100", "PASS", "Team", "Henkie", "Player", "Klaas Nøme", "Receiver", "Piet",
                        "Receiver", "Jan & Joris", "Team", "Ajax", "Player", "Kees", null, "<unclear>", null, "again"),
                instance("9", "100", "100", "SHOT")), original.instances());

        SavedMatch match = Interop.importFile(file, ImportOptions.defaults().withKickoff(T0), Progress.NONE);
        assertEquals(List.of(Sportscode.NO_TEAM, "Henkie"), match.setup().origins());
        TimelineEvent kickOff = match.toTimeline().latest("7").orElseThrow().event();
        assertEquals(Sportscode.NO_TEAM, kickOff.origin());
        assertEquals("first half", kickOff.qualifiers().get(Sportscode.NO_GROUP));
        assertEquals(T0.plusSeconds(5), kickOff.time());
        TimelineEvent pass = match.toTimeline().latest("8").orElseThrow().event();
        assertEquals("Henkie", pass.origin());
        assertEquals("Klaas Nøme", pass.player());
        assertEquals(List.of("Receiver", "Receiver #2", "Team #2", "Player #2", "(no group)", "(no group) #2",
                Sportscode.START, Sportscode.END), List.copyOf(pass.qualifiers().keySet()));
        assertEquals(T0.plusSeconds(100), match.toTimeline().latest("9").orElseThrow().event().time(),
                "a moment without length is at its start");

        Path saved = dir.resolve("awkward.sideline");
        match.write(saved);
        Path again = dir.resolve("again.xml");
        Interop.exportSportscode(SavedMatch.read(saved), again, null, LEAD, LAG);
        assertEquals(original.instances(), SportscodeFile.read(again, Progress.NONE).instances());
    }

    @Test
    void theRowsBlockIsReadAndWrittenBack(@TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "rows.xml", """
                <?xml version="1.0"?>
                <file>
                  <ALL_INSTANCES>
                    <instance><ID>1</ID><start>1</start><end>2</end><code>PASS</code></instance>
                  </ALL_INSTANCES>
                  <ROWS>
                    <row><code>PASS</code><R>65535</R><G>0</G><B>0</B></row>
                    <row><code>SHOT</code><R>0</R><G>32896</G><B>65535</B><sort_order>2</sort_order></row>
                  </ROWS>
                </file>
                """);
        SportscodeFile read = SportscodeFile.read(file, Progress.NONE);
        assertEquals(List.of(new Row("PASS", 65535, 0, 0), new Row("SHOT", 0, 32896, 65535)), read.rows());

        Path again = dir.resolve("again.xml");
        read.write(again);
        assertEquals(read, SportscodeFile.read(again, Progress.NONE), "instances and rows");
    }

    @Test
    void aRecordedMatchExportsWhatStandsEachClipAroundItsMoment(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("recorded.xml");
        Interop.exportSportscode(Fixtures.recorded(), xml, T0.minusSeconds(20), LEAD, LAG);
        SportscodeFile exported = SportscodeFile.read(xml, Progress.NONE);

        assertEquals(List.of(
                instance("kickoff", "10", "25", "Period start", "Team", HENKIE),
                instance("c1", "41", "56", "Corner", "Team", HENKIE),
                instance("g1", "100", "115", "Goal", "Team", HENKIE, "Player", "Klaas Nøme", "Body part", "Head",
                        "Assist", "Piet")), exported.instances(),
                "the retracted foul is left out; the corner as amended (Henkie's, a second later); time − 10 s to + 5 s");
        assertEquals(List.of("Period start", "Goal", "Corner"), exported.rows().stream().map(Row::code).toList(),
                "one row per code, in the setup's order");
        Set<List<Integer>> colours = new HashSet<>();
        for (Row r : exported.rows()) {
            assertTrue(colours.add(List.of(r.red(), r.green(), r.blue())), "each code its own colour: " + r);
        }
        assertTrue(exported.instances().stream().flatMap(i -> i.labels().stream()).noneMatch(l -> AJAX.equals(l.text())),
                "the corner's first version, Ajax's, is gone");
    }

    @Test
    void withoutAVideoStartTheFirstClipStartsAtZero() {
        SportscodeFile exported = Sportscode.fromMatch(Fixtures.recorded(), null, LEAD, LAG);

        assertEquals(List.of("0", "31", "90"),
                exported.instances().stream().map(i -> i.start().toPlainString()).toList());
        assertEquals(List.of("15", "46", "105"),
                exported.instances().stream().map(i -> i.end().toPlainString()).toList());
    }

    @Test
    void theExportedXmlIsWellFormedUtf8AndReadsBackAsWritten(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("recorded.xml");
        Interop.exportSportscode(Fixtures.recorded(), xml, T0, LEAD, LAG);
        byte[] bytes = Files.readAllBytes(xml);

        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), text);
        assertTrue(text.contains("Klaas Nøme"), "ø as UTF-8, not as a character reference: " + text);
        XMLStreamReader r = XMLInputFactory.newDefaultFactory().createXMLStreamReader(new ByteArrayInputStream(bytes));
        int instances = 0;
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && r.getLocalName().equals("instance")) {
                instances++;
            }
        }
        assertEquals(3, instances);
        assertEquals(Sportscode.fromMatch(Fixtures.recorded(), T0, LEAD, LAG), SportscodeFile.read(xml, Progress.NONE));
    }

    @Test
    void anExportedRecordingImportsBackToTheSameMoments(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("recorded.xml");
        Instant video = T0.minusSeconds(20);
        Interop.exportSportscode(Fixtures.recorded(), xml, video, LEAD, LAG);

        SavedMatch back = Interop.importFile(xml, new ImportOptions(video, "football", LEAD), Progress.NONE);
        assertEquals(List.of(T0, T0.plusSeconds(31), T0.plusSeconds(90)), times(back));
        assertEquals(List.of(HENKIE), back.setup().origins());
        assertEquals("Klaas Nøme", back.toTimeline().latest("g1").orElseThrow().event().player());
        assertEquals("football", back.setup().sport());
    }

    @Test
    void aLocationIsExportedAsALocationLabelAndImportedBack(@TempDir Path dir) throws Exception {
        SavedMatch recorded = Fixtures.recorded();
        List<Accepted> located = new java.util.ArrayList<>();
        for (Accepted a : recorded.messages()) {
            TimelineEvent e = a.id().equals("g1") ? a.event().withLocation(new Location(88, 40.5)) : a.event();
            located.add(new Accepted(a.time(), a.id(), a.seq(), a.version(), a.status(), e, a.votes(), a.confidence(),
                    a.reason()));
        }
        Path xml = dir.resolve("located.xml");
        Instant video = T0.minusSeconds(20);
        Interop.exportSportscode(new SavedMatch(recorded.setup(), located), xml, video, LEAD, LAG);

        String text = Files.readString(xml);
        assertTrue(text.contains("<group>Location</group>") && text.contains("<text>88, 40.5</text>"),
                "a label of the group Location with \"x, y\": " + text);
        Instance goal = SportscodeFile.read(xml, Progress.NONE).instances().stream().filter(i -> i.id().equals("g1"))
                .findFirst().orElseThrow();
        assertEquals(instance("g1", "100", "115", "Goal", "Team", HENKIE, "Player", "Klaas Nøme", "Location", "88, 40.5",
                "Body part", "Head", "Assist", "Piet"), goal);

        SavedMatch back = Interop.importFile(xml, new ImportOptions(video, "football", LEAD), Progress.NONE);
        TimelineEvent g1 = back.toTimeline().latest("g1").orElseThrow().event();
        assertEquals(new Location(88, 40.5), g1.location());
        assertNull(g1.qualifiers().get("Location"), "the location, not a qualifier: " + g1.qualifiers());
        assertNull(back.toTimeline().latest("c1").orElseThrow().event().location());
    }

    @Test
    void aLocationLabelInAnotherFormStaysALabelWordForWord(@TempDir Path dir) throws Exception {
        SportscodeFile file = new SportscodeFile(List.of(
                instance("1", "10", "20", "Shot", "Team", HENKIE, "Location", "edge of the box"),
                instance("2", "30", "40", "Shot", "Team", HENKIE, "Location", "88.25, 40"),
                instance("3", "50", "60", "Shot", "Team", HENKIE, "Location", "101, 40")), List.of());
        Path xml = dir.resolve("words.xml");
        file.write(xml);
        SavedMatch m = Interop.importFile(xml, new ImportOptions(KICKOFF, "football", LEAD), Progress.NONE);
        for (Accepted a : m.messages()) {
            assertNull(a.event().location(), a.id());
        }
        assertEquals(file.instances(), Sportscode.fromMatch(m, KICKOFF, LEAD, LAG).instances(), "kept word for word");
    }

    private static List<Instant> times(SavedMatch match) {
        return match.toTimeline().latest().stream().map(a -> a.event().time()).toList();
    }

    /** @return an instance; the labels as group, text, group, text… (a {@code null} group for none) */
    static Instance instance(String id, String start, String end, String code, String... groupText) {
        List<Label> labels = new java.util.ArrayList<>();
        for (int i = 0; i < groupText.length; i += 2) {
            labels.add(new Label(groupText[i], groupText[i + 1]));
        }
        return new Instance(id, new BigDecimal(start), new BigDecimal(end), code, labels);
    }
}
