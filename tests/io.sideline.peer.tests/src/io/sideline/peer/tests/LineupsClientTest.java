package io.sideline.peer.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.peer.MatchClient;
import io.sideline.protocol.Lineups;
import io.sideline.protocol.Player;
import io.sideline.testing.Await;
import io.sideline.testing.HostFixture;
import io.sideline.testing.LookupFixture;

/**
 * The owner's {@link MatchClient#changeLineup}: every client hears the new setup once, stays connected without a
 * second "connected" notice, and a client of another user is refused in words.
 */
class LineupsClientTest {

    @TempDir
    static Path lookupDir;
    static LookupFixture lookup;

    @TempDir
    Path journal;
    HostFixture f;

    @BeforeAll
    static void lookup() throws Exception {
        lookup = LookupFixture.start(lookupDir, "ana", "ben");
    }

    @AfterAll
    static void stopLookup() {
        lookup.close();
    }

    @BeforeEach
    void host() throws Exception {
        f = HostFixture.start(lookup, journal, b -> b.owner("ana"));
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void theOwnersChangeReachesEveryClientAsASetup() throws Exception {
        Recorder anaHears = new Recorder();
        Recorder benHears = new Recorder();
        MatchClient ana = f.client("ana", MatchClient.Options.defaults(), anaHears);
        MatchClient ben = f.client("ben", MatchClient.Options.defaults(), benHears);
        Await.until("both are connected", () -> ana.state() == MatchClient.State.CONNECTED
                && ben.state() == MatchClient.State.CONNECTED);
        List<Player> italy = List.of(new Player(10, "Lorenzo Insigne", "Left Wing", true));

        ana.changeLineup("Italy", italy);

        Await.until("ben has the line-up", () -> benHears.setups.size() == 2);
        assertEquals(Lineups.NONE.with("Italy", italy), ben.setup().orElseThrow().lineups());
        assertEquals(List.of(MatchClient.State.CONNECTING, MatchClient.State.CONNECTED), benHears.stateSequence(),
                "no second connected notice");

        ben.changeLineup("Italy", List.of());
        Await.until("ben is told no", () -> !benHears.errors.isEmpty());
        assertEquals("The host refused the change of line-up: only the match's owner (ana) may change its line-ups;"
                + " ben may not", benHears.errors.get(0));
        assertTrue(f.host().lineups().player("Italy", 10).isPresent(), "nothing changed");
    }
}
