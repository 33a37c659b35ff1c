package io.sideline.interop.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.interop.InteropException;
import io.sideline.interop.LineupsCsv;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.Player;
import io.sideline.statsbomb.StatsBombLineups;

/**
 * Line-ups from StatsBomb's published line-ups files (the real Turkey – Italy, and a hand-written file of the same
 * format with the awkward cases) and from the simple CSV.
 */
class LineupsImportTest {

    static final Path TURKEY_ITALY = Fixtures.ROOT.resolve("examples/data/statsbomb/3788741_lineups.json");

    @TempDir
    Path dir;

    @Test
    void turkeyItalyHasBothSquadsWithElevenStartersEach() throws Exception {
        StatsBombLineups read = StatsBombLineups.read(TURKEY_ITALY);
        Lineups l = read.lineups();

        assertEquals(List.of("Italy", "Turkey"), List.copyOf(l.teams().keySet()), "in the file's order");
        for (String team : List.of("Turkey", "Italy")) {
            List<Player> players = l.players(team);
            assertTrue(players.size() >= 23, team + " has its whole squad: " + players.size());
            assertEquals(11, players.stream().filter(Player::starting).count(), team + "'s starters");
            assertEquals(11, players.stream().filter(Player::on).count(), team + " on the pitch at kick-off");
        }
        assertEquals(List.of(), read.warnings());
        assertEquals(new Player(17, "Ciro Immobile", "Center Forward", true), l.player("Italy", 17).orElseThrow());
        assertEquals(new Player(10, "Lorenzo Insigne", "Left Wing", true), l.player("Italy", 10).orElseThrow());
        assertEquals(new Player(21, "Gianluigi Donnarumma", "Goalkeeper", true), l.player("Italy", 21).orElseThrow());
        assertEquals(new Player(3, "Merih Demiral", "Right Center Back", true), l.player("Turkey", 3).orElseThrow());
        assertEquals(new Player(23, "Uğurcan Çakır", "Goalkeeper", true), l.player("Turkey", 23).orElseThrow());
        Player belotti = l.player("Italy", 9).orElseThrow();
        assertEquals("Andrea Belotti", belotti.name());
        assertFalse(belotti.starting(), "came on for Immobile");
        assertEquals("Center Forward", belotti.position(), "the position he came on in");
        assertEquals(new Player(26, "Alex Meret", null, false), l.player("Italy", 26).orElseThrow(), "an unused substitute");
        assertEquals("Jorge Luiz Frello Filho", l.player("Italy", 8).orElseThrow().name(),
                "the full name, as StatsBomb's events name him (his nickname is Jorginho)");
    }

    @Test
    void theEventsFileFindsItsLineupsBesideIt() {
        Path events = Fixtures.STATSBOMB_EVENTS;

        assertEquals(TURKEY_ITALY, StatsBombLineups.beside(events).orElseThrow());
        assertTrue(StatsBombLineups.beside(dir.resolve("3788741_events.json")).isEmpty());
    }

    /**
     * A hand-written file in the published format: a player without a nickname field at all, one whose nickname is
     * null, one whose jersey number is null (left out, with a warning), a substitute who came on, a starter moved to
     * another position, and a team id as a string.
     */
    @Test
    void aHandWrittenFileOfThePublishedFormatIsRead() throws Exception {
        Path file = Fixtures.write(dir, "9000001_lineups.json", """
                [ {
                  "team_id" : "4001",
                  "team_name" : "Lions",
                  "lineup" : [ {
                    "player_id" : 1, "player_name" : "Ada Keeper", "jersey_number" : 1,
                    "country" : { "id" : 68, "name" : "England" }, "cards" : [ ],
                    "positions" : [ { "position_id" : 1, "position" : "Goalkeeper", "from" : "00:00", "to" : null,
                      "from_period" : 1, "to_period" : null, "start_reason" : "Starting XI", "end_reason" : "Final Whistle" } ]
                  }, {
                    "player_id" : 2, "player_name" : "Bo Back", "player_nickname" : null, "jersey_number" : 4,
                    "country" : null, "cards" : [ { "time" : "30:00", "card_type" : "Yellow Card", "reason" : "Foul Committed", "period" : 1 } ],
                    "positions" : [ { "position" : "Right Back", "from" : "00:00", "to" : "60:00", "from_period" : 1,
                      "to_period" : 2, "start_reason" : "Starting XI", "end_reason" : "Tactical Shift" },
                      { "position" : "Right Wing Back", "from" : "60:00", "to" : null, "from_period" : 2,
                      "to_period" : null, "start_reason" : "Tactical Shift", "end_reason" : "Final Whistle" } ]
                  }, {
                    "player_id" : 3, "player_name" : "Cy Nonumber", "player_nickname" : "Cy", "jersey_number" : null,
                    "country" : { "id" : 68, "name" : "England" }, "cards" : [ ], "positions" : [ ]
                  }, {
                    "player_id" : 4, "player_name" : "Di Latecomer", "player_nickname" : "Di", "jersey_number" : 14,
                    "cards" : [ ],
                    "positions" : [ { "position" : "Center Forward", "from" : "70:12", "to" : null, "from_period" : 2,
                      "to_period" : null, "start_reason" : "Substitution - On (Tactical)", "end_reason" : "Final Whistle" } ]
                  }, {
                    "player_id" : 5, "player_name" : "Ed Bench", "jersey_number" : 12
                  } ]
                }, {
                  "team_id" : 4002,
                  "team_name" : "Tigers",
                  "lineup" : [ ]
                } ]""");

        StatsBombLineups read = StatsBombLineups.read(file);

        assertEquals(List.of(new Player(1, "Ada Keeper", "Goalkeeper", true),
                new Player(4, "Bo Back", "Right Back", true),
                new Player(14, "Di Latecomer", "Center Forward", false),
                new Player(12, "Ed Bench", null, false)), read.lineups().players("Lions"));
        assertEquals(List.of("Lions: Cy Nonumber has no shirt number (jersey_number) and was left out"), read.warnings());
        assertTrue(read.lineups().players("Tigers").isEmpty(), "a team with no players has no line-up");
    }

    @Test
    void aFileThatIsNotLineupsSaysSo() throws Exception {
        Path events = Fixtures.write(dir, "x.json", "{\"type\": \"setup\"}");
        Path noName = Fixtures.write(dir, "y.json", "[{\"team_id\": 1, \"lineup\": []}]");

        assertEquals("x.json is not a StatsBomb line-ups file: it must be a list of teams, each with a team_name and a"
                + " lineup", assertThrows(java.io.IOException.class, () -> StatsBombLineups.read(events)).getMessage());
        assertEquals("y.json is not a StatsBomb line-ups file: team 1 has no team_name or no lineup list",
                assertThrows(java.io.IOException.class, () -> StatsBombLineups.read(noName)).getMessage());
    }

    @Test
    void csvLineupsAreRead() throws Exception {
        Path file = Fixtures.write(dir, "lineups.csv", """
                origin,number,name,position,starting
                Italy,21,Gianluigi Donnarumma,Goalkeeper,yes
                Italy,#17,"Immobile, Ciro",Center Forward,TRUE

                Italy,9,Andrea Belotti,,no
                Turkey,23,Uğurcan Çakır,Goalkeeper,starting
                Turkey,10,Hakan Çalhanoğlu
                """);

        Lineups l = LineupsCsv.read(file);

        assertEquals(Map.of("Italy", List.of(new Player(21, "Gianluigi Donnarumma", "Goalkeeper", true),
                new Player(17, "Immobile, Ciro", "Center Forward", true), new Player(9, "Andrea Belotti", null, false)),
                "Turkey", List.of(new Player(23, "Uğurcan Çakır", "Goalkeeper", true),
                        new Player(10, "Hakan Çalhanoğlu", null, false))), l.teams());
        assertEquals(l, LineupsCsv.read(Fixtures.write(dir, "again.csv", LineupsCsv.write(l))), "written and read back");
    }

    @Test
    void aBadCsvLineNamesTheLineAndTheProblem() throws Exception {
        assertCsvRefused("Italy,ten,Andrea Belotti,,no\n", "bad.csv:1: \"ten\" is not a shirt number");
        assertCsvRefused("origin,number,name\nItaly,9,Andrea Belotti,,maybe\n",
                "bad.csv:2: starting is \"maybe\"; write yes for a starter, no for a substitute");
        assertCsvRefused("Italy,9,Andrea Belotti\nItaly,9,Federico Chiesa\n",
                "bad.csv:2: two players of Italy wear number 9; a shirt number is worn once per team");
        assertCsvRefused("Italy,9," + "x".repeat(101) + "\n",
                "bad.csv:1: the name of " + "x".repeat(101) + " is 101 characters long; the limit is 100");
        assertCsvRefused("Italy,9\n", "bad.csv:1: has 2 fields; a line is origin,number,name,position,starting"
                + " (position and starting may be left out)");
        assertCsvRefused("origin,number,name,position,starting\n", "bad.csv: holds no players; a line is "
                + "origin,number,name,position,starting");
        StringBuilder big = new StringBuilder();
        for (int i = 1; i <= Lineups.MAX_PLAYERS + 1; i++) {
            big.append("Italy,").append(i).append(",Player ").append(i).append('\n');
        }
        assertCsvRefused(big.toString(), "bad.csv:61: the line-up of Italy has 61 players; a line-up has at most 60");
    }

    private void assertCsvRefused(String text, String message) throws Exception {
        Path file = Fixtures.write(dir, "bad.csv", text);
        InteropException e = assertThrows(InteropException.class, () -> LineupsCsv.read(file));
        assertEquals(message, e.getMessage().replace(file.toString(), "bad.csv"));
    }
}
