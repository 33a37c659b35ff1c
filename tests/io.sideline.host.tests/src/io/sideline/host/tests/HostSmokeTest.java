package io.sideline.host.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.host.HostConfig;
import io.sideline.host.TokenVerifier;
import io.sideline.host.MatchHost;
import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchDraft;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.LookupServerConfig;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.sport.football.Football;
import io.sideline.voting.VotingRules;

/** The seed's peer half, end to end: lookup server, host, two peers over real WebSockets. */
class HostSmokeTest {

    @Test
    void twoPeersReportAGoalAndBothReceiveItOnce(@TempDir Path dir) throws Exception {
        try (LookupServer lookup = LookupServer.start(LookupServerConfig.builder().port(0).dataDir(dir.resolve("lookup")).localNetwork(true).build());
                LookupClient client = LookupClient.create(lookup.uri())) {
            client.register("ana", "correct horse battery").get();
            client.register("ben", "correct horse battery").get();
            Session ana = client.identify("ana", "correct horse battery").get();
            Session ben = client.identify("ben", "correct horse battery").get();
            Match match = client.create(ana, new MatchDraft("Turkey – Italy", Football.ID, List.of("Turkey", "Italy"),
                    Instant.parse("2021-06-11T19:00:00Z"), QuorumPolicy.DEFAULT, "ws://127.0.0.1:1/match")).get();
            List<String> titles = new Football().actions().stream().map(a -> a.label()).toList();
            HostConfig config = HostConfig.builder().port(0).journalDir(dir.resolve("journal"))
                    .match(match.id(), match.name(), Football.ID, match.origins(), titles)
                    .matchStart(match.scheduledStart()).rules(VotingRules.of(2, 0))
                    .verifier(TokenVerifier.lookup(client, () -> ana, match.id(), Clock.systemUTC())).build();
            try (MatchHost host = MatchHost.start(config)) {
                JoinTicket anaTicket = client.join(ana, match.id()).get();
                JoinTicket benTicket = client.join(ben, match.id()).get();
                try (Peer p1 = new Peer(host.uri()); Peer p2 = new Peer(host.uri())) {
                    p1.send("{\"type\": \"hello\", \"token\": \"" + anaTicket.token() + "\"}");
                    p2.send("{\"type\": \"hello\", \"token\": \"" + benTicket.token() + "\"}");
                    Setup setup = p1.next(Setup.class);
                    assertEquals(List.of("Turkey", "Italy"), setup.origins());
                    assertTrue(setup.actions().contains("Goal"));
                    p2.next(Setup.class);

                    // the seed's own report shape, exactly: type inside event
                    p1.send("{\"time\": 1623441120000, \"token\": \"" + anaTicket.token() + "\", \"event\": {\"type\": \"event\","
                            + " \"title\": \"Goal\", \"origin\": \"Italy\", \"time\": 1623441120000}}");
                    p2.send("{\"time\": 1623441122000, \"token\": \"" + benTicket.token() + "\", \"event\": {\"type\": \"event\","
                            + " \"title\": \"Goal\", \"origin\": \"Italy\", \"time\": 1623441124000}}");

                    Accepted a1 = p1.next(Accepted.class);
                    Accepted a2 = p2.next(Accepted.class);
                    assertEquals(a1, a2, "every peer receives the same accepted event");
                    assertEquals(1, a1.seq());
                    assertEquals("Goal", a1.event().title());
                    assertEquals("Italy", a1.event().origin());
                    assertEquals(2, a1.votes());
                    assertEquals(Instant.ofEpochMilli(1623441122000L), a1.event().time(), "the median of the reported times");
                    assertEquals(1, host.lastSeq());
                }
            }
        }
    }
}
