package io.sideline.interop.tests;

import static io.sideline.interop.tests.Fixtures.EURO_KICKOFF;
import static io.sideline.interop.tests.Fixtures.STATSBOMB_EVENTS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.sideline.cli.Command;
import io.sideline.interop.ImportOptions;
import io.sideline.interop.Interop;
import io.sideline.interop.Progress;
import io.sideline.peer.SavedMatch;
import io.sideline.sport.football.Football;

/** A match as CSV for a spreadsheet: one row per version of each event, RFC 4180, UTF-8, CRLF. */
class CsvExportTest {

    static final String HEADER = "id,version,seq,match_time,period,origin,action,player,votes,confidence,status,x,y";
    static final String HENKIE = "\"Henkie, \"\"the\"\" team\"";

    @Test
    void aRecordedMatchGivesOneQuotedUtf8RowPerEventVersion(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("recorded.csv");
        Interop.exportCsv(Fixtures.recorded(), new Football(), csv);

        assertEquals(String.join("\r\n", HEADER,
                "kickoff,1,1,00:00,1," + HENKIE + ",Period start,,2,1.0,accepted,,",
                "c1,1,2,00:30,1,Ajax,Corner,,2,0.75,accepted,,",
                "f1,1,3,00:45,1," + HENKIE + ",Foul,,2,0.75,accepted,,",
                "g1,1,4,01:30,1," + HENKIE + ",Goal,Klaas Nøme,3,0.9,accepted,,",
                "c1,2,5,00:31,1," + HENKIE + ",Corner,,2,0.75,amended,,",
                "f1,2,6,00:45,1," + HENKIE + ",Foul,,2,0.75,retracted,,") + "\r\n", strictUtf8(csv),
                "the amended corner and the retracted foul have two rows each; the goal's confirmation none of its own");
    }

    @Test
    void everyLineEndsWithCrLfAndNoneWithABareLf(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("recorded.csv");
        Interop.exportCsv(Fixtures.recorded(), null, csv);
        String text = strictUtf8(csv);

        assertEquals(7, text.split("\r\n", -1).length - 1, "7 lines, each with CRLF");
        assertEquals(text.replace("\r\n", "").indexOf('\n'), -1, "no bare LF");
        assertEquals(HEADER, text.lines().findFirst().orElseThrow(), "first line");
        byte[] bytes = Files.readAllBytes(csv);
        byte[] name = "Klaas N\u00f8me".getBytes(StandardCharsets.UTF_8);
        int at = text.substring(0, text.indexOf("Klaas")).getBytes(StandardCharsets.UTF_8).length;
        assertArrayEquals(name, Arrays.copyOfRange(bytes, at, at + name.length), "ø as the two bytes C3 B8");
        assertEquals('i', text.charAt(0), "no byte order mark");
    }

    @Test
    void theExportCommandWritesTheSameCsv(@TempDir Path dir) throws Exception {
        Path match = dir.resolve("recorded.sideline");
        Fixtures.recorded().write(match);
        Path viaApi = dir.resolve("api.csv");
        Interop.exportCsv(Fixtures.recorded(), new Football(), viaApi);

        Path viaCli = dir.resolve("cli.csv");
        Cli cli = new Cli();
        assertEquals(Command.EXIT_OK, cli.run("export", match.toString(), "--format", "csv", "--out", viaCli.toString()),
                cli.err());
        assertEquals(Files.readString(viaApi), Files.readString(viaCli));
        assertTrue(cli.out().contains("6 rows"), cli.out());
    }

    @Test
    void aStatsBombMatchShowsTheMatchClockAsTheScoreboardDid(@TempDir Path dir) throws Exception {
        SavedMatch match = Interop.importFile(STATSBOMB_EVENTS, ImportOptions.defaults().withKickoff(EURO_KICKOFF),
                Progress.NONE);
        Path csv = dir.resolve("turkey-italy.csv");
        Interop.exportCsv(match, new Football(), csv);
        List<String> lines = strictUtf8(csv).lines().toList();
        assertEquals(HEADER, lines.get(0));
        assertEquals(match.messages().size() + 1, lines.size(), "one row per event, each in its one version");

        // the file's own clock: StatsBomb's minute and second of the own goal, as a scoreboard shows them
        String ownGoalClock = null;
        try (Reader in = Files.newBufferedReader(STATSBOMB_EVENTS, StandardCharsets.UTF_8)) {
            for (JsonElement element : JsonParser.parseReader(in).getAsJsonArray()) {
                JsonObject e = element.getAsJsonObject();
                if (e.getAsJsonObject("type").get("name").getAsString().equals("Own Goal Against")) {
                    ownGoalClock = String.format(java.util.Locale.ROOT, "%02d:%02d", e.get("minute").getAsInt(),
                            e.get("second").getAsInt());
                }
            }
        }
        String row = lines.stream().filter(l -> l.startsWith("sb-0bf3014d-e1aa-40ec-bb8f-3efd6b69d4e2,")).findFirst()
                .orElseThrow();
        assertEquals("sb-0bf3014d-e1aa-40ec-bb8f-3efd6b69d4e2,1,"
                + (match.messages().stream().filter(a -> a.id().equals("sb-0bf3014d-e1aa-40ec-bb8f-3efd6b69d4e2"))
                        .findFirst().orElseThrow().seq())
                + "," + ownGoalClock + ",2,Turkey,Own goal,Merih Demiral,1,1.0,accepted,3.4,50.6", row);
        assertEquals("52:12", ownGoalClock, "the match clock, the break not counted");
    }

    @Test
    void theKickoffChangesNoMatchTime(@TempDir Path dir) throws Exception {
        Path rome = dir.resolve("rome.csv");
        Path epoch = dir.resolve("epoch.csv");
        Interop.exportCsv(Interop.importFile(STATSBOMB_EVENTS, ImportOptions.defaults().withKickoff(EURO_KICKOFF),
                Progress.NONE), new Football(), rome);
        Interop.exportCsv(Interop.importFile(STATSBOMB_EVENTS, ImportOptions.defaults(), Progress.NONE), new Football(),
                epoch);

        assertEquals(Files.readString(rome), Files.readString(epoch));
    }

    private static String strictUtf8(Path file) throws Exception {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                .toString();
    }
}
