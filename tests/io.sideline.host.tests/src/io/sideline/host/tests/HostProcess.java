package io.sideline.host.tests;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import io.sideline.host.HostConfig;
import io.sideline.host.TokenVerifier;
import io.sideline.host.MatchHost;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.sport.football.Football;
import io.sideline.testing.HostFixture;
import io.sideline.voting.VotingRules;

/**
 * A match host in a process of its own, for {@link KillNineTest}: plain Java, no OSGi. Starts a host with
 * k = 1, prints {@code READY <port>} and runs until it is killed, or until its standard input ends (its
 * parent died), so it never outlives the test run.
 * <p>
 * Arguments: port, journal directory, match id, lookup server URL, host user, host session token.
 */
public final class HostProcess {

    private HostProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: HostProcess PORT JOURNAL_DIR MATCH_ID LOOKUP_URL HOST_USER HOST_SESSION_TOKEN");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        String matchId = args[2];
        LookupClient client = LookupClient.create(URI.create(args[3]));
        Session hostSession = new Session(args[4], args[5], Instant.now().plusSeconds(3600));
        HostConfig config = HostConfig.builder().port(port).journalDir(Path.of(args[1]))
                .match(matchId, "Turkey – Italy", Football.ID, HostFixture.TEAMS, HostFixture.TITLES)
                .matchStart(Instant.parse("2021-06-11T19:00:00Z")) // the lookup fixture's matches start then
                .rules(VotingRules.of(1, 0)).reportLimit(100_000, 100_000)
                .verifier(TokenVerifier.lookup(client, () -> hostSession, matchId, Clock.systemUTC()))
                .log(line -> System.err.println("host: " + line)).build();
        MatchHost host = MatchHost.start(config);
        System.out.println("READY " + host.port());
        System.out.flush();
        while (System.in.read() != -1) {
            // sleeping; the test kills this process
        }
        Runtime.getRuntime().halt(0);
    }
}
