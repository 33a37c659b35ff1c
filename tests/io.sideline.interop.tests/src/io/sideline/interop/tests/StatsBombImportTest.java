package io.sideline.interop.tests;

import static io.sideline.interop.tests.Fixtures.EURO_KICKOFF;
import static io.sideline.interop.tests.Fixtures.STATSBOMB_EVENTS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.sideline.cli.Command;
import io.sideline.interop.ImportOptions;
import io.sideline.interop.Interop;
import io.sideline.interop.Progress;
import io.sideline.peer.SavedMatch;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Location;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.api.SportAction;
import io.sideline.sport.football.Football;
import io.sideline.stats.MatchStats;
import io.sideline.statsbomb.MatchEvent;
import io.sideline.statsbomb.StatsBombMatch;

/** The real StatsBomb file of Turkey 0–3 Italy (UEFA Euro 2020), imported for review; and files that are not. */
class StatsBombImportTest {

    /** what a goal is: the action, the team it is credited to, the player, the StatsBomb event */
    record Goal(String action, String team, String player, String id) {
    }

    static SavedMatch match;
    static JsonArray raw;

    @BeforeAll
    static void importTheMatch() throws IOException {
        match = Interop.importFile(STATSBOMB_EVENTS, ImportOptions.defaults().withKickoff(EURO_KICKOFF), Progress.NONE);
        try (Reader in = Files.newBufferedReader(STATSBOMB_EVENTS, StandardCharsets.UTF_8)) {
            raw = JsonParser.parseReader(in).getAsJsonArray();
        }
    }

    @Test
    void theSetupNamesTheTeamsInTheFilesOrderAndIsFootball() {
        Set<String> teams = new LinkedHashSet<>();
        for (JsonElement e : raw) {
            teams.add(e.getAsJsonObject().getAsJsonObject("team").get("name").getAsString());
        }
        assertEquals(List.of("Turkey", "Italy"), List.copyOf(teams), "the file's order");

        assertEquals(List.of("Turkey", "Italy"), match.setup().origins());
        assertEquals("Turkey – Italy", match.setup().name());
        assertEquals(Football.ID, match.setup().sport());
        assertEquals(new Football().actions().stream().map(SportAction::label).toList(), match.setup().actions());
    }

    @Test
    void theGoalsAreTheFilesGoalsTheOwnGoalCreditedToTurkeysDemiral() {
        List<Goal> inFile = new ArrayList<>();
        for (JsonElement element : raw) {
            JsonObject e = element.getAsJsonObject();
            String type = e.getAsJsonObject("type").get("name").getAsString();
            boolean scored = type.equals("Shot")
                    && e.getAsJsonObject("shot").getAsJsonObject("outcome").get("name").getAsString().equals("Goal");
            if (scored || type.equals("Own Goal Against")) {
                inFile.add(new Goal(scored ? Football.GOAL : Football.OWN_GOAL,
                        e.getAsJsonObject("team").get("name").getAsString(),
                        e.getAsJsonObject("player").get("name").getAsString(), "sb-" + e.get("id").getAsString()));
            }
        }
        List<Accepted> imported = match.messages().stream()
                .filter(a -> Set.of(Football.GOAL, Football.OWN_GOAL).contains(a.event().title())).toList();

        assertEquals(inFile, imported.stream()
                .map(a -> new Goal(a.event().title(), a.event().origin(), a.event().player(), a.id())).toList());
        assertEquals(List.of(new Goal("Own goal", "Turkey", "Merih Demiral", "sb-0bf3014d-e1aa-40ec-bb8f-3efd6b69d4e2"),
                new Goal("Goal", "Italy", "Ciro Immobile", "sb-009e954d-99b5-4cf4-83e9-5de8989b5725"),
                new Goal("Goal", "Italy", "Lorenzo Insigne", "sb-34da2c2c-d565-436b-8afe-5baf2da2cf77")),
                inFile);
        assertEquals(List.of(Duration.parse("PT52M12S"), Duration.parse("PT65M33S"), Duration.parse("PT78M30S")),
                imported.stream().map(a -> Duration.ofMillis(a.event().clockMillis())).toList(), "52', 66', 79'");
        assertTrue(imported.stream().allMatch(a -> a.event().period() == 2));
    }

    @Test
    void theFinalScoreIsItaly3Turkey0() {
        MatchStats stats = new MatchStats(new Football(), match.setup().origins(), null);
        stats.applyAll(match.messages());

        assertEquals(Map.of("Turkey", 0, "Italy", 3), stats.score(), "Demiral's own goal counts for Italy");
        assertEquals(List.of("Turkey", "Italy"), List.copyOf(stats.score().keySet()));
    }

    @Test
    void everyEventTheMappingMakesIsImportedWithItsTeamPlayerAndTime() throws IOException {
        List<MatchEvent> mapped = StatsBombMatch.read(STATSBOMB_EVENTS, EURO_KICKOFF).events();

        assertEquals(mapped.size(), match.messages().size());
        for (int i = 0; i < mapped.size(); i++) {
            MatchEvent m = mapped.get(i);
            TimelineEvent e = match.messages().get(i).event();
            assertEquals(List.of(m.title(), m.origin(), String.valueOf(m.player()), m.time()),
                    List.of(e.title(), e.origin(), String.valueOf(e.player()), e.time()), "event " + (i + 1));
        }
    }

    @Test
    void everyEventHasItsPeriodAndClockAndTheMatchStartsAtTheKickoff() {
        for (Accepted a : match.messages()) {
            TimelineEvent e = a.event();
            assertTrue(e.period() != null && (e.period() == 1 || e.period() == 2), a.id() + " period " + e.period());
            assertNotNull(e.clockMillis(), a.id());
            assertTrue(e.period() == 1 || e.clockMillis() >= 45 * 60_000, a.id() + ": the second half's clock runs on");
            assertFalse(e.time().isBefore(EURO_KICKOFF), a.id());
        }
        Accepted first = match.messages().get(0);
        assertEquals(List.of(Football.PERIOD_START, EURO_KICKOFF, 1, 0L),
                List.of(first.event().title(), first.event().time(), first.event().period(), first.event().clockMillis()));
    }

    @Test
    void theIdsAreUniqueAndNameTheStatsBombEvent() {
        Set<String> ids = new HashSet<>();
        Set<String> source = new HashSet<>();
        for (JsonElement e : raw) {
            source.add(e.getAsJsonObject().get("id").getAsString());
        }
        for (Accepted a : match.messages()) {
            assertTrue(ids.add(a.id()), "unique: " + a.id());
            String sourceId = a.id().substring(3).replaceFirst("-2$", "");
            assertTrue(a.id().startsWith("sb-") && (source.contains(sourceId) || source.contains(a.id().substring(3))),
                    a.id());
            assertEquals(1, a.version());
            assertEquals(Accepted.Status.ACCEPTED, a.status());
        }
        assertEquals(match.messages().size(), match.toTimeline().latest().size());
    }

    @Test
    void theShotsCarryTheirLocationOnSidelines0To100Pitch() {
        // Immobile's goal (65:33): StatsBomb location [113.6, 36.1] on its 120 × 80 pitch, Italy attacking left to
        // right: 113.6 × 100 / 120 = 94.67 and 36.1 × 100 / 80 = 45.125, to one decimal
        TimelineEvent immobile = match.toTimeline().latest("sb-009e954d-99b5-4cf4-83e9-5de8989b5725").orElseThrow().event();
        assertEquals(List.of("Goal", "Italy", "Ciro Immobile"), List.of(immobile.title(), immobile.origin(), immobile.player()));
        assertEquals(new Location(94.7, 45.1), immobile.location());
        // Demiral's own goal, from Turkey's side: [4.1, 40.5] → 3.4, 50.6
        assertEquals(new Location(3.4, 50.6),
                match.toTimeline().latest("sb-0bf3014d-e1aa-40ec-bb8f-3efd6b69d4e2").orElseThrow().event().location());

        int shots = 0;
        for (Accepted a : match.messages()) {
            TimelineEvent e = a.event();
            if (e.title().startsWith("Shot") || e.title().equals(Football.GOAL)) {
                shots++;
                assertNotNull(e.location(), "every shot has a location: " + a.id());
            }
            if (e.title().equals(Football.PERIOD_START)) {
                assertNull(e.location(), "StatsBomb gives a half's start no location: " + a.id());
            }
        }
        assertTrue(shots > 20, "Turkey–Italy had more than 20 shots: " + shots);
    }

    @Test
    void aLocationThatIsNoPairOfNumbersIsRefusedNamingTheEvent(@TempDir Path dir) throws Exception {
        String bad = event("e1", "Turkey", "1").replace("\"second\": 1}", "\"second\": 1, \"location\": \"box\"}");
        Path file = Fixtures.write(dir, "events.json", "[" + event("e0", "Italy", "1") + ",\n" + bad + "]");
        IOException e = assertThrows(IOException.class,
                () -> Interop.importFile(file, ImportOptions.defaults(), Progress.NONE));
        assertTrue(e.getMessage().contains("event 2: \"location\" is not a pair of numbers"), e.getMessage());
    }

    // -------------------------------------------------------------------------------- malformed files

    record Bad(String name, String json, String says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String event(String id, String team, String period) {
        return "{\"id\": \"" + id + "\", \"type\": {\"name\": \"Pass\"}" + (team == null ? "" : ", \"team\": {\"name\": \""
                + team + "\"}") + ", \"period\": " + period + ", \"timestamp\": \"00:00:01.000\", \"minute\": 0, "
                + "\"second\": 1}";
    }

    static Stream<Bad> badFiles() {
        return Stream.of(
                new Bad("not JSON", "[" + event("e1", "Turkey", "1") + ",\n {\"id\": \"e2\", \"type\": ", "not valid JSON"),
                new Bad("an event without a team", "[" + event("e1", "Turkey", "1") + ",\n" + event("e2", null, "1") + "]",
                        "event 2: has no \"team\""),
                new Bad("a period that is no number", "[" + event("e1", "Turkey", "\"x\"") + "]",
                        "event 1: \"period\" is not a whole number"),
                new Bad("an event that is no object", "[" + event("e1", "Turkey", "1") + ", 42]",
                        "event 2: not a JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aMalformedFileIsRefusedNamingTheFileAndTheEvent(Bad bad, @TempDir Path dir) throws Exception {
        Path file = Fixtures.write(dir, "events.json", bad.json());

        IOException e = assertThrows(IOException.class,
                () -> Interop.importFile(file, ImportOptions.defaults(), Progress.NONE));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(bad.says()), e.getMessage());

        Path out = dir.resolve("match.sideline");
        Cli cli = new Cli();
        assertEquals(Command.EXIT_FAILURE, cli.run("import", file.toString(), "--out", out.toString()));
        assertTrue(cli.err().contains(file.toString()) && cli.err().contains(bad.says()), cli.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
