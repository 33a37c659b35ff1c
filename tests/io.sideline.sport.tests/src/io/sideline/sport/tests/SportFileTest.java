package io.sideline.sport.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.sport.declarative.SportFile;
import io.sideline.sport.declarative.SportFileException;

/**
 * Sports without Java: the shipped handball file reads into a sport with its actions, keys, points and
 * periods; every kind of bad file is refused with its name, the line and the problem.
 */
class SportFileTest {

    static final Path HANDBALL = Path.of(System.getProperty("sideline.root", "../.."), "bundles",
            "io.sideline.sport.handball", "sport", "handball.json");

    @Test
    void theShippedHandballFileIsASport() throws Exception {
        Sport h = SportFile.read(HANDBALL);
        assertEquals("handball", h.id());
        assertEquals("Handball", h.name());
        assertEquals(List.of("Home", "Away"), h.defaultOrigins());
        SportAction goal = h.action("Goal");
        assertEquals("g", goal.hotkey());
        assertEquals(Duration.ofSeconds(15), goal.votingWindow());
        assertEquals(1, h.points("Goal"));
        assertEquals(1, h.points("7 m goal"));
        assertEquals(0, h.points("Save"));
        assertEquals(2, h.periods());
        assertEquals(Duration.ofMinutes(30), h.periodLength(2));
        assertEquals(Duration.ofMinutes(5), h.periodLength(3), "overtime");
        assertEquals("2nd half", h.periodName(2));
        assertEquals(java.util.Set.of(), h.exclusiveActions(),
                "nothing is exclusive: both teams can score within a goal's window in handball");
        assertEquals(-2, h.momentumWeight("2-minute suspension"), 1e-9);
        assertEquals("Goal", h.keyActions().get(0));
        assertEquals(List.of(), h.action("Team timeout").qualifiers(), "a timeout has no player");
        SportContract.check(h);
    }

    static final String GOOD_ACTION = "{ \"id\": \"goal\", \"label\": \"Goal\", \"key\": \"g\", \"window\": 15, \"points\": 1 }";

    static String sport(String actions) {
        return "{\n  \"sideline-sport\": 1,\n  \"id\": \"curling\",\n  \"name\": \"Curling\",\n  \"actions\": [\n    "
                + actions + "\n  ]\n}\n";
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("", 1, "the file is empty"),
                Arguments.of("{ \"sideline-sport\": 1,\n  \"id\": \"curling\"\n  \"name\": \"x\" }", 3, "not valid JSON"),
                Arguments.of(sport(GOOD_ACTION).replace("\"id\": \"curling\"", "\"id\": \"Curling!\""), 3,
                        "id: \"Curling!\" is not a sport id"),
                Arguments.of(sport(GOOD_ACTION).replace("  \"name\": \"Curling\",\n", ""), 1, "name: missing"),
                Arguments.of(sport(GOOD_ACTION).replace("\"sideline-sport\": 1", "\"sideline-sport\": 2"), 2,
                        "newer than this Sideline reads"),
                Arguments.of(sport(GOOD_ACTION + ",\n    " + GOOD_ACTION.replace("Goal", "Stone")), 7,
                        "actions[1].id: \"goal\" is the id of an earlier action too"),
                Arguments.of(sport(GOOD_ACTION + ",\n    " + GOOD_ACTION.replace("goal", "stone").replace("Goal", "Stone")),
                        7, "actions[1].key: \"g\" is already the key of Goal"),
                Arguments.of(sport(GOOD_ACTION.replace("\"g\"", "\"gg\"")), 6, "actions[0].key: \"gg\" is not one letter or digit"),
                Arguments.of(sport(GOOD_ACTION.replace("15", "-3")), 6, "actions[0].window: -3.0 is out of range"),
                Arguments.of(sport(GOOD_ACTION.replace("15", "\"15s\"")), 6, "actions[0].window: must be a number"),
                Arguments.of(sport(GOOD_ACTION.replace("\"points\": 1", "\"points\": 1, \"colour\": \"red\"")), 6,
                        "actions[0].colour: unknown field"),
                Arguments.of(sport(GOOD_ACTION.replace("\"points\": 1", "\"pointsToOpponent\": true")), 6,
                        "only an action that scores points can give them to the opponent"),
                Arguments.of(sport(GOOD_ACTION).replace("\"name\": \"Curling\",", "\"name\": \"Curling\", \"name\": \"Curl\","),
                        4, "\"name\" appears twice"),
                Arguments.of(sport(""), 5, "actions: must have 1 to 200 entries, not 0"),
                Arguments.of(sport(GOOD_ACTION) + "{}", 9, "more after the sport's object"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void aBadFileIsRefusedNamingTheFileTheLineAndTheProblem(String text, int line, String problem) {
        SportFileException e = assertThrows(SportFileException.class, () -> SportFile.parse("curling.json", text));
        assertEquals("curling.json", e.source());
        assertTrue(e.getMessage().startsWith("curling.json:" + line + ": "), "line " + line + " in: " + e.getMessage());
        assertTrue(e.problem().contains(problem), "\"" + problem + "\" in: " + e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8OrTooLargeIsRefused(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, sport(GOOD_ACTION.replace("Goal", "Tör")).getBytes(StandardCharsets.ISO_8859_1));
        SportFileException e = assertThrows(SportFileException.class, () -> SportFile.read(latin1));
        assertEquals("latin1.json: is not UTF-8 text", e.getMessage());

        Path big = dir.resolve("big.json");
        Files.writeString(big, " ".repeat(SportFile.MAX_BYTES + 1) + sport(GOOD_ACTION));
        assertTrue(assertThrows(SportFileException.class, () -> SportFile.read(big)).getMessage()
                .contains("larger than 256 KiB"));
    }

    @Test
    void aMinimalFileIsASportWithDefaults() throws Exception {
        Sport s = SportFile.parse("curling.json", sport(GOOD_ACTION));
        assertEquals(List.of("Home", "Away"), s.defaultOrigins());
        assertEquals(1, s.periods());
        assertEquals(null, s.periodLength(1), "no period length: the clock runs");
        assertEquals(1, s.action("Goal").qualifiers().size(), "the player, by default");
        SportContract.check(s);
    }
}
