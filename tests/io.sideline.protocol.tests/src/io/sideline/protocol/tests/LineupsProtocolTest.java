package io.sideline.protocol.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.sideline.protocol.Lineup;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.Player;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.ProtocolError;
import io.sideline.protocol.ProtocolException;
import io.sideline.protocol.Setup;

/**
 * The line-ups in {@code setup} (an optional extension) and the owner's {@code lineup} message: round trips, a
 * client of the original design still reads the setup, and the limits of {@code docs/protocol.md} §7.7.
 */
class LineupsProtocolTest {

    private final ProtocolCodec codec = ProtocolCodec.standard();

    /**
     * The setup of the original design ("Peer-to-peer Live Sports Reporting and Statistics"), as it prints it, with
     * its {@code <string>*} placeholders filled in.
     */
    private static final String ORIGINAL_DESIGN_SETUP = """
            {
                "type": "setup",
                "origins": [ <string>* ],
                "actions": [ <string>* ]
            }""".replaceFirst("<string>\\*", "\"Turkey\", \"Italy\"")
            .replaceFirst("<string>\\*", "\"Goal\", \"Substitution\"");

    private static Setup withLineups() {
        return new Setup(List.of("Turkey", "Italy"), List.of("Goal", "Substitution"), "euro", "Turkey – Italy",
                "football", 12L, ProtocolSamples.lineups());
    }

    @Test
    void lineupsInSetupRoundTrip() throws Exception {
        Setup setup = withLineups();

        Setup read = assertInstanceOf(Setup.class, codec.decode(codec.encode(setup)));

        assertEquals(setup, read);
        assertEquals("Ciro Immobile", read.lineups().player("Italy", 17).orElseThrow().name());
        assertFalse(read.lineups().player("Italy", 17).orElseThrow().on(), "Immobile was substituted");
        assertTrue(read.lineups().player("Italy", 9).orElseThrow().on(), "Belotti came on");
    }

    @Test
    void theWireShapeIsAnObjectOfOriginsToPlayers() {
        JsonObject o = JsonParser.parseString(codec.encode(withLineups())).getAsJsonObject();

        JsonObject lineups = o.getAsJsonObject("lineups");
        assertEquals(List.of("Turkey", "Italy"), new ArrayList<>(lineups.keySet()));
        JsonObject first = lineups.getAsJsonArray("Turkey").get(0).getAsJsonObject();
        assertEquals(JsonParser.parseString("""
                {"number": 23, "name": "Uğurcan Çakır", "position": "Goalkeeper", "starting": true, "on": true}"""), first);
        JsonObject noPosition = lineups.getAsJsonArray("Turkey").get(2).getAsJsonObject();
        assertFalse(noPosition.has("position"), "an absent position is left out: " + noPosition);
    }

    @Test
    void aSetupWithoutLineupsIsWrittenWithoutTheField() {
        Setup setup = new Setup(List.of("Turkey", "Italy"), List.of("Goal"));

        assertFalse(JsonParser.parseString(codec.encode(setup)).getAsJsonObject().has("lineups"));
        assertTrue(setup.lineups().isEmpty());
    }

    @Test
    void theOriginalDesignsSetupIsReadWithNoLineups() throws Exception {
        Setup setup = assertInstanceOf(Setup.class, codec.decode(ORIGINAL_DESIGN_SETUP));

        assertEquals(List.of("Turkey", "Italy"), setup.origins());
        assertEquals(List.of("Goal", "Substitution"), setup.actions());
        assertEquals(Lineups.NONE, setup.lineups());
        assertEquals(JsonParser.parseString(ORIGINAL_DESIGN_SETUP), JsonParser.parseString(codec.encode(setup)),
                "written back exactly as the design shows it");
    }

    /**
     * A client of the original design reads {@code type}, {@code origins} and {@code actions}, and nothing else. In
     * a setup with line-ups those three are exactly what the design describes: the same names, a list of strings
     * each, the same values.
     */
    @Test
    void aSeedShapedClientStillReadsASetupWithLineups() {
        JsonObject design = JsonParser.parseString(ORIGINAL_DESIGN_SETUP).getAsJsonObject();
        Setup setup = new Setup(List.of("Turkey", "Italy"), List.of("Goal", "Substitution"))
                .withLineups(ProtocolSamples.lineups());

        JsonObject sent = JsonParser.parseString(codec.encode(setup)).getAsJsonObject();

        for (String field : design.keySet()) {
            assertEquals(design.get(field), sent.get(field), field + " as the original design has it");
        }
        for (JsonElement e : sent.getAsJsonArray("origins")) {
            assertTrue(e.getAsJsonPrimitive().isString());
        }
        assertEquals(Set.of("type", "origins", "actions", "lineups"), sent.keySet(),
                "the only addition is the optional lineups field, which the design's reader ignores");
    }

    @Test
    void aRawSeedShapedSetupWithLineupsIsRead() throws Exception {
        String raw = """
                {"type": "setup", "origins": ["Turkey", "Italy"], "actions": ["Goal"],
                 "lineups": {"Italy": [{"number": 10, "name": "Lorenzo Insigne", "starting": true},
                                       {"number": 9, "name": "Andrea Belotti"}]}}""";

        Setup setup = (Setup) codec.decode(raw);

        assertEquals(new Player(10, "Lorenzo Insigne", null, true, true), setup.lineups().player("Italy", 10).orElseThrow());
        assertEquals(new Player(9, "Andrea Belotti", null, false, false), setup.lineups().player("Italy", 9).orElseThrow(),
                "starting defaults to false, on to starting");
        assertTrue(setup.lineups().players("Turkey").isEmpty());
    }

    @Test
    void anOversizedRosterIsRefused() {
        JsonObject o = JsonParser.parseString(codec.encode(withLineups())).getAsJsonObject();
        JsonArray italy = new JsonArray();
        for (int i = 0; i <= Lineups.MAX_PLAYERS; i++) {
            italy.add(JsonParser.parseString("{\"number\": " + i + ", \"name\": \"Player " + i + "\"}"));
        }
        o.getAsJsonObject("lineups").add("Italy", italy);

        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(o.toString()));

        assertEquals(ProtocolError.TOO_LONG, e.error());
        assertEquals("lineups.Italy", e.field());
        assertEquals("\"lineups.Italy\" has 61 entries; the limit is 60", e.getMessage());
    }

    @Test
    void aRosterAtTheLimitIsTaken() throws Exception {
        List<Player> squad = new ArrayList<>();
        for (int i = 0; i < Lineups.MAX_PLAYERS; i++) {
            squad.add(new Player(i, "N".repeat(Lineups.MAX_NAME_LENGTH), "P".repeat(Lineups.MAX_POSITION_LENGTH), i < 11));
        }
        Setup setup = new Setup(List.of("Turkey", "Italy"), List.of("Goal")).withLineups(
                Lineups.NONE.with("Turkey", squad).with("Italy", squad));

        assertEquals(setup, codec.decode(codec.encode(setup)));
        assertTrue(codec.encodeUtf8(setup).length < codec.limits().maxMessageBytes(),
                "two full rosters fit in one message");
    }

    @Test
    void badPlayersAreRefusedNamingTheField() {
        assertRefused("""
                {"Italy": [{"number": 10, "name": "%s"}]}""".formatted("x".repeat(101)), ProtocolError.TOO_LONG,
                "lineups.Italy[0].name", "\"lineups.Italy[0].name\" is 101 characters long; the limit is 100");
        assertRefused("""
                {"Italy": [{"number": 10, "name": "Insigne"}, {"number": 10, "name": "Bernardeschi"}]}""",
                ProtocolError.INVALID_VALUE, "lineups.Italy[1].number",
                "two players of Italy wear number 10; a shirt number is worn once per team");
        assertRefused("""
                {"Italy": [{"number": 1000, "name": "Insigne"}]}""", ProtocolError.OUT_OF_RANGE,
                "lineups.Italy[0].number", "\"lineups.Italy[0].number\" is 1000; it must be between 0 and 999");
        assertRefused("""
                {"Italy": [{"name": "Insigne"}]}""", ProtocolError.MISSING_FIELD, "lineups.Italy[0].number",
                "\"lineups.Italy[0].number\" is missing");
        assertRefused("""
                {"Italy": [{"number": 10, "name": "Insigne", "starting": "yes"}]}""", ProtocolError.WRONG_TYPE,
                "lineups.Italy[0].starting", "\"lineups.Italy[0].starting\" must be true or false, not a string");
        assertRefused("""
                {"Italy": [{"number": 10, "name": "Insigne", "position": "%s"}]}""".formatted("p".repeat(41)),
                ProtocolError.TOO_LONG, "lineups.Italy[0].position",
                "\"lineups.Italy[0].position\" is 41 characters long; the limit is 40");
        assertRefused("""
                {"Italy": "Insigne"}""", ProtocolError.WRONG_TYPE, "lineups.Italy",
                "\"lineups.Italy\" must be a list of objects, not a string");
        assertRefused("""
                {"Spain": []}""", ProtocolError.INVALID_VALUE, "lineups",
                "\"lineups\" names \"Spain\", which is not one of the \"origins\"");
    }

    private void assertRefused(String lineups, ProtocolError error, String field, String message) {
        String json = """
                {"type": "setup", "origins": ["Turkey", "Italy"], "actions": ["Goal"], "lineups": %s}"""
                .formatted(lineups);
        ProtocolException e = assertThrows(ProtocolException.class, () -> codec.decode(json), json);
        assertEquals(error, e.error(), e.getMessage());
        assertEquals(field, e.field());
        assertEquals(message, e.getMessage());
    }

    @Test
    void theOwnersLineupMessageNamesTheOriginsItChanges() throws Exception {
        String json = """
                {"type": "lineup", "lineups": {"Italy": [{"number": 10, "name": "Lorenzo Insigne", "starting": true}],
                 "Turkey": []}, "ref": "l-2"}""";

        Lineup l = assertInstanceOf(Lineup.class, codec.decode(json));

        assertEquals(List.of(new Player(10, "Lorenzo Insigne", null, true)), l.lineups().players("Italy"));
        assertEquals(Set.of("Turkey"), l.cleared());
        assertEquals("l-2", l.ref());
        Lineups before = ProtocolSamples.lineups();
        Lineups after = before.with(l.lineups(), l.cleared());
        assertEquals(List.of("Italy"), new ArrayList<>(after.teams().keySet()));
    }

    @Test
    void aPlayerIsFoundByNameOrNumber() {
        Lineups l = ProtocolSamples.lineups();

        assertEquals(17, l.find("Italy", "ciro immobile ").orElseThrow().number());
        assertEquals(17, l.find("Italy", "#17").orElseThrow().number());
        assertEquals(17, l.find("Italy", "17").orElseThrow().number());
        assertEquals(9, l.find("Italy", "#9 Andrea Belotti").orElseThrow().number());
        assertTrue(l.find("Turkey", "17").isEmpty());
        assertTrue(l.find("Italy", null).isEmpty());
    }
}
