package io.sideline.replay.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.sideline.replay.Replay;
import io.sideline.replay.ReplayOptions;
import io.sideline.replay.Score;
import io.sideline.sport.football.Football;
import io.sideline.statsbomb.MatchEvent;
import io.sideline.statsbomb.StatsBombMatch;

/**
 * The real match, Euro 2020 Turkey 0–3 Italy (StatsBomb open data), as the test of the mapping and of the
 * vote.
 */
class TurkeyItalyTest {

    static final Instant KICK_OFF = Instant.parse("2021-06-11T19:00:00Z");

    static StatsBombMatch match() throws IOException {
        Path file = Path.of(System.getProperty("sideline.root"), "examples", "data", "statsbomb", "3788741_events.json");
        return StatsBombMatch.read(file, KICK_OFF);
    }

    @Test
    void theMappingFindsTheThreeItalianGoalsWithTheirScorersAndMinutes() throws Exception {
        StatsBombMatch m = match();
        assertEquals("Turkey", m.home());
        assertEquals("Italy", m.away());

        List<MatchEvent> goals = m.events().stream()
                .filter(e -> e.title().equals(Football.GOAL) || e.title().equals(Football.OWN_GOAL)).toList();
        assertEquals(3, goals.size(), "Italy won 3–0: " + goals);
        assertEquals(Football.OWN_GOAL, goals.get(0).title());
        assertEquals("Turkey", goals.get(0).origin(), "Merih Demiral's own goal is Turkey's");
        assertEquals("Merih Demiral", goals.get(0).player());
        assertEquals(53, goals.get(0).minute());
        assertEquals("Ciro Immobile", goals.get(1).player());
        assertEquals(66, goals.get(1).minute());
        assertEquals("Lorenzo Insigne", goals.get(2).player());
        assertEquals(79, goals.get(2).minute());
        assertTrue(goals.stream().skip(1).allMatch(g -> g.origin().equals("Italy")));
    }

    @Test
    void theMappingCountsWhatTheFileHolds() throws Exception {
        StatsBombMatch m = match();
        assertEquals(2, count(m, Football.YELLOW_CARD));
        assertEquals(9, count(m, Football.SUBSTITUTION));
        assertEquals(10, count(m, Football.CORNER));
        assertEquals(23, count(m, Football.FOUL));
        assertTrue(m.events().stream().allMatch(e -> !e.time().isBefore(KICK_OFF)), "nothing before kick-off");
        assertTrue(m.events().get(m.events().size() - 1).time().isBefore(KICK_OFF.plus(Duration.ofMinutes(125))),
                "two halves and a break");
    }

    private static long count(StatsBombMatch m, String title) {
        return m.events().stream().filter(e -> e.title().equals(title)).count();
    }

    @ParameterizedTest
    @ValueSource(longs = { 2021, 7, 42 })
    void coordinatedLiarsNeverGetAFakeGoalOrCardAccepted(long seed) throws Exception {
        ReplayOptions o = new ReplayOptions(10, 0.2, 0.05, Duration.ofSeconds(5), 0.3, 2, 0.4, 60, seed);

        Score score = Replay.inProcess(match(), o);

        for (String title : List.of(Football.GOAL, Football.OWN_GOAL, Football.YELLOW_CARD, Football.RED_CARD)) {
            Score.Line line = score.perAction().get(title);
            int accepted = line == null ? 0 : line.accepted();
            int correct = line == null ? 0 : line.correct();
            assertEquals(correct, accepted, "every accepted " + title + " is a real one (seed " + seed + ")");
        }
        assertEquals(2, score.perAction().get(Football.GOAL).correct(), "both real goals still get through");
    }

    @Test
    void tenHonestReportersRecoverTheMatch() throws Exception {
        Score score = Replay.inProcess(match(), ReplayOptions.defaults());

        assertEquals(1.0, score.perAction().get(Football.GOAL).f1(), 1e-9);
        assertEquals(1.0, score.perAction().get(Football.OWN_GOAL).f1(), 1e-9);
        assertEquals(1.0, score.perAction().get(Football.YELLOW_CARD).f1(), 1e-9);
        assertEquals(1.0, score.perAction().get(Football.SUBSTITUTION).f1(), 1e-9,
                "nine substitutions, two pairs of them 16 s and 21 s apart, two at the same moment at half-time: "
                        + score.missed() + " " + score.wrong());
        assertTrue(score.overall().f1() >= 0.95, "F1 over all mapped actions: " + score.overall().f1());
    }

    @Test
    void aFileThatIsNotStatsBombIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path bad = Files.writeString(dir.resolve("not-events.json"), "{\"events\": []}");
        IOException e = assertThrows(IOException.class, () -> StatsBombMatch.read(bad, KICK_OFF));
        assertTrue(e.getMessage().contains("not-events.json") && e.getMessage().contains("list of events"), e.getMessage());

        Path broken = Files.writeString(dir.resolve("broken.json"), "[{\"type\": {\"name\": \"Shot\"}}]");
        IOException e2 = assertThrows(IOException.class, () -> StatsBombMatch.read(broken, KICK_OFF));
        assertTrue(e2.getMessage().contains("broken.json, event 1"), e2.getMessage());
    }
}
