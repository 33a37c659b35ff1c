package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.protocol.ErrorMessage;
import io.sideline.protocol.EventReport;
import io.sideline.protocol.Lineup;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.Player;
import io.sideline.protocol.ProtocolCodec;
import io.sideline.protocol.Setup;
import io.sideline.protocol.TimelineEvent;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * The host's line-ups: in the setup of every peer, late joiners included; changed by the match's owner (and by no
 * one else) and by accepted substitutions, with every peer sent the new setup; kept in the journal's setup file, so a
 * restarted host starts with them.
 */
class LineupsTest {

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path journal;
    HostFixture f;

    /** Italy at kick-off: three starters and two substitutes */
    static final List<Player> ITALY = List.of(new Player(21, "Gianluigi Donnarumma", "Goalkeeper", true),
            new Player(17, "Ciro Immobile", "Center Forward", true), new Player(10, "Lorenzo Insigne", "Left Wing", true),
            new Player(9, "Andrea Belotti", null, false), new Player(20, "Federico Bernardeschi", null, false));
    static final Lineups KICK_OFF = Lineups.NONE.with("Italy", ITALY);

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, "ana", "ben", "cem");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @BeforeEach
    void host() throws Exception {
        // ana owns the match (the fixture registers it as hers); k = 1: every report is an event
        f = HostFixture.start(lookup, journal, b -> b.lineups(KICK_OFF).owner("ana"));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void everyPeerAndALateJoinerGetsTheLineupsInItsSetup() throws Exception {
        Peer ben = Peer.connect(f);
        ben.send(Wire.hello(f.token("ben"), 0));
        assertEquals(KICK_OFF, ben.next(Setup.class).lineups());

        Peer.report(f, ben, "ben", "Corner", "Italy", at(1));
        Peer.settle(f, ben);

        Peer cem = Peer.connect(f);
        cem.send(Wire.hello(f.token("cem"), 0));
        Setup late = cem.next(Setup.class);
        assertEquals(KICK_OFF, late.lineups());
        assertEquals("Ciro Immobile", late.lineups().player("Italy", 17).orElseThrow().name());
    }

    @Test
    void theOwnerChangesTheLineupsAndEveryoneSeesIt() throws Exception {
        Peer ana = Peer.join(f, "ana");
        Peer ben = Peer.join(f, "ben");
        List<Player> turkey = List.of(new Player(23, "Uğurcan Çakır", "Goalkeeper", true),
                new Player(3, "Merih Demiral", "Right Center Back", true));

        ana.send(Lineup.of("Turkey", turkey, "l-1"));

        Lineups expected = KICK_OFF.with("Turkey", turkey);
        assertEquals(expected, ben.next(Setup.class).lineups(), "a peer connected already gets the new setup");
        assertEquals(expected, ana.next(Setup.class).lineups(), "so does the owner");
        Peer cem = Peer.join(f, "cem");
        assertEquals(expected, cem.received(Setup.class).get(0).lineups(), "and a late joiner");
        assertEquals(expected, f.host().lineups());
        assertTrue(ana.errors("forbidden").isEmpty());
    }

    @Test
    void aPeerWhoIsNotTheOwnerIsRefused() throws Exception {
        Peer ben = Peer.join(f, "ben");

        ben.send(Lineup.of("Italy", List.of(new Player(99, "Not A Player", null, true)), "l-9"));

        ErrorMessage e = ben.next(ErrorMessage.class);
        assertEquals("forbidden", e.code());
        assertEquals("only the match's owner (ana) may change its line-ups; ben may not", e.message());
        assertEquals("l-9", e.ref());
        ben.echo();
        assertEquals(KICK_OFF, f.host().lineups(), "nothing changed");
        assertEquals(1, ben.received(Setup.class).size(), "and no new setup was sent");
    }

    @Test
    void theOwnerCannotNameATeamOfAnotherMatch() throws Exception {
        Peer ana = Peer.join(f, "ana");

        ana.send(Lineup.of("Spain", List.of(new Player(7, "Álvaro Morata", null, true)), "l-3"));

        ErrorMessage e = ana.next(ErrorMessage.class);
        assertEquals("invalid_value", e.code());
        assertEquals("\"Spain\" is not a team of this match; the setup message lists them", e.message());
        assertEquals(KICK_OFF, f.host().lineups());
    }

    @Test
    void anAcceptedSubstitutionMovesThePlayersOffAndOn() throws Exception {
        Peer ben = Peer.join(f, "ben");

        ben.send(substitution("ben", "Ciro Immobile", Map.of("replacement", "Andrea Belotti"), at(2)));

        Lineups after = ben.next(Setup.class).lineups();
        assertFalse(after.player("Italy", 17).orElseThrow().on(), "Immobile went off");
        assertTrue(after.player("Italy", 9).orElseThrow().on(), "Belotti came on");
        assertTrue(after.player("Italy", 9).orElseThrow().starting() == false, "still a substitute who came on");

        // one player named, by shirt number: the substitute on the bench comes on
        ben.send(substitution("ben", "#20", Map.of(), at(40)));
        Lineups later = ben.next(Setup.class).lineups();
        assertTrue(later.player("Italy", 20).orElseThrow().on(), "Bernardeschi came on");
        assertEquals(later, f.host().lineups());
    }

    @Test
    void aRestartedHostKeepsTheLineupsAsTheyWere() throws Exception {
        Peer ana = Peer.join(f, "ana");
        ana.send(Lineup.of("Turkey", List.of(new Player(10, "Hakan Çalhanoğlu", null, true)), null));
        ana.next(Setup.class);
        ana.send(substitution("ana", "17", Map.of("replacement", "9"), at(3)));
        Lineups before = ana.next(Setup.class).lineups();
        assertFalse(before.player("Italy", 17).orElseThrow().on());

        f.restart(); // the same configuration: the kick-off line-ups, which the setup file's newer ones override

        Peer ben = Peer.join(f, "ben");
        Setup setup = ben.received(Setup.class).get(0);
        assertEquals(before, setup.lineups());
        assertEquals(1, setup.lastSeq(), "the substitution is in the timeline once");
        Setup file = (Setup) ProtocolCodec.standard().decode(Files.readString(
                journal.resolve(f.match.id() + ".setup.json")).strip());
        assertEquals(before, file.lineups(), "the journal's setup file holds them for a review");
    }

    private EventReport substitution(String user, String off, Map<String, String> qualifiers, long millis)
            throws Exception {
        return new EventReport(Instant.now(), f.token(user), new TimelineEvent("Substitution", "Italy",
                Instant.ofEpochMilli(millis), off, null, null, qualifiers));
    }
}
