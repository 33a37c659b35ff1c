package io.sideline.replay.internal;

import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.sideline.host.HostConfig;
import io.sideline.host.HostedMatch;
import io.sideline.host.MatchHost;
import io.sideline.local.LocalLookup;
import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.Match;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.protocol.Accepted;
import io.sideline.replay.Replay;
import io.sideline.replay.Score;
import io.sideline.replay.ReplayOptions;
import io.sideline.sport.football.Football;
import io.sideline.statsbomb.StatsBombMatch;

/**
 * The full path: a lookup server and a host in this process, and one real WebSocket client per simulated
 * peer, each identified with its own join token, sending its reports when the scaled match clock reaches
 * them.
 */
public final class WebSocketReplay {

    private WebSocketReplay() {
    }

    /** @return the score of a replay over real WebSockets */
    public static Score run(StatsBombMatch match, ReplayOptions o, PrintStream progress) throws Exception {
        List<SimulatedReport> reports = Reporters.simulate(match, o);
        Path dir = Files.createTempDirectory("sideline-replay");
        String password = "replay password";
        try (LocalLookup lookup = LocalLookup.start(LocalLookup.loopback(dir.resolve("lookup")).requestLimit(0, 0)
                .build())) {
            LookupClient client = lookup.client();
            progress.println("replay: lookup server at " + lookup.uri() + "; registering " + o.reporters() + " peers");
            Session host = lookup.user("host", password);
            Instant kickOff = match.events().isEmpty() ? Instant.now() : match.events().get(0).time().minusSeconds(30);
            ScaledClock clock = new ScaledClock(kickOff, o.speed());
            HostedMatch hosted = lookup.host(host, dir.resolve("journal")).clock(clock)
                    .configure(b -> b.rules(Replay.rules(o)).reportLimit(1000, 1000)
                            // every simulated peer connects from this machine's loopback address
                            .connectionLimits(Math.max(HostConfig.MAX_CONNECTIONS_PER_ADDRESS, o.reporters() + 8),
                                    HostConfig.MAX_CONNECTIONS_PER_IDENTITY))
                    .create(match.home() + " – " + match.away() + " (replay)", new Football(),
                            List.of(match.home(), match.away()), kickOff, new QuorumPolicy(o.minVotes(), o.fraction()));
            Match m = hosted.match();
            MatchHost matchHost = hosted.host();
            HttpClient http = HttpClient.newHttpClient();
            try (hosted) {
                progress.println("replay: host at " + matchHost.uri() + "; connecting " + o.reporters() + " peers");
                List<PeerSocket> peers = new ArrayList<>();
                for (int i = 0; i < o.reporters(); i++) {
                    Session s = lookup.user("peer-" + i, password);
                    JoinTicket t = client.join(s, m.id()).get();
                    PeerSocket p = PeerSocket.connect(http, matchHost.uri(), t.token());
                    peers.add(p);
                }
                for (PeerSocket p : peers) {
                    p.awaitSetup();
                }
                progress.printf("replay: %d reports at %.0fx speed (about %d s)%n", reports.size(), o.speed(),
                        reports.isEmpty() ? 0 : (long) (java.time.Duration.between(kickOff,
                                reports.get(reports.size() - 1).sendTime()).toSeconds() / o.speed()));
                clock.start(); // the match begins now that every peer is in
                int sent = 0;
                int minute = -1;
                for (SimulatedReport r : reports) {
                    long wait = clock.realNanosUntil(r.sendTime());
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    PeerSocket p = peers.get(r.reporter());
                    p.report(r.sendTime(), r);
                    sent++;
                    int now = (int) java.time.Duration.between(kickOff, r.sendTime()).toMinutes() / 15;
                    if (now != minute) {
                        minute = now;
                        progress.printf("replay: match minute %d, %d reports sent, %d events accepted%n", now * 15, sent,
                                matchHost.lastSeq());
                    }
                }
                long settle = (long) (Replay.rules(o).decisionTimeout().toNanos() / o.speed()) + 2_000_000_000L;
                TimeUnit.NANOSECONDS.sleep(settle);
                for (PeerSocket p : peers) {
                    p.abort();
                }
                Map<String, Accepted> latest = new LinkedHashMap<>();
                Map<String, Instant> firstAccepted = new LinkedHashMap<>();
                for (Accepted a : matchHost.timeline()) {
                    latest.put(a.id(), a);
                    firstAccepted.putIfAbsent(a.id(), a.time());
                }
                List<Score.Outcome> outcomes = latest.values().stream()
                        .filter(a -> a.status() != Accepted.Status.RETRACTED)
                        .map(a -> new Score.Outcome(a.event().title(), a.event().origin(), a.event().time(),
                                firstAccepted.get(a.id())))
                        .sorted(Comparator.comparing(Score.Outcome::eventTime)).toList();
                return Score.of(match.events(), outcomes, Replay.windows(o));
            } finally {
                http.close();
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
