package io.sideline.replay;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.replay.internal.PeerSocket;
import io.sideline.replay.internal.Reporters;
import io.sideline.replay.internal.ScaledClock;
import io.sideline.replay.internal.SimulatedReport;
import io.sideline.statsbomb.StatsBombMatch;


/**
 * Simulated peers reporting a real match to a host that is already running, over real WebSockets: each
 * peer a user of the match's lookup server with its own join token, sending its reports when the match
 * clock, running {@code speed} times faster than the match did, reaches them. The workbench replays a
 * match into a local match this way; {@code ./sideline replay} into a host of its own.
 * <p>
 * The host runs on this machine's clock and takes only events that happened from 6 hours before the match's
 * start to 10 minutes after its now (the protocol's §4.1). So the reports' event times are moved, all by one
 * amount, onto this machine's clock: the match's last report falls when the replay ends (when it runs faster
 * than life; its first when it begins, when slower), every event time is in the past when its report is sent,
 * and the times between events stay as they were in the match.
 */
public final class ReplayDriver {

    /** the password of the simulated peers' accounts */
    static final String PASSWORD = "sideline replay peer";

    private ReplayDriver() {
    }

    /** Hears how a replay goes, and may stop it. Called from the replaying thread. */
    public interface Progress {
        /** @param total how many reports the replay will send */
        default void started(int total) {
        }

        /** one more report was sent; {@code matchTime} is where the match clock stands */
        default void sent(int sent, int total, Instant matchTime) {
        }

        /** @return whether to stop now */
        default boolean cancelled() {
            return false;
        }
    }

    /**
     * Registers the simulated peers (or identifies them, when they exist), connects them, and sends every
     * report. Returns when the last report is sent or the replay is cancelled.
     *
     * @return how many reports were sent
     * @throws LookupException when the lookup server refuses a peer
     */
    public static int drive(StatsBombMatch match, ReplayOptions o, LookupClient lookup, String matchId,
            Progress progress) throws Exception {
        List<SimulatedReport> reports = Reporters.simulate(match, o);
        progress.started(reports.size());
        HttpClient http = HttpClient.newHttpClient();
        List<PeerSocket> peers = new ArrayList<>();
        try {
            for (int i = 0; i < o.reporters() && !progress.cancelled(); i++) {
                String user = "replay-peer-" + i;
                Session s = LookupClient.await(lookup.signIn(user, PASSWORD, true), "sign in as " + user);
                JoinTicket t = LookupClient.await(lookup.join(s, matchId), "join as " + user);
                PeerSocket p = PeerSocket.connect(http, URI.create(t.hostUrl()), t.token());
                peers.add(p);
            }
            for (PeerSocket p : peers) {
                p.awaitSetup();
            }
            if (reports.isEmpty() || progress.cancelled()) {
                return 0;
            }
            Instant origin = reports.get(0).sendTime().minusSeconds(1);
            ScaledClock clock = new ScaledClock(origin, o.speed());
            clock.start();
            Duration shift = shift(origin, reports.get(reports.size() - 1).sendTime(), o.speed(), Instant.now());
            int sent = 0;
            for (SimulatedReport r : reports) {
                long wait = clock.realNanosUntil(r.sendTime());
                while (wait > 0) {
                    if (progress.cancelled()) {
                        return sent;
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(wait, 100_000_000L));
                    wait = clock.realNanosUntil(r.sendTime());
                }
                if (progress.cancelled()) {
                    return sent;
                }
                PeerSocket p = peers.get(r.reporter());
                p.report(Instant.now(), new SimulatedReport(r.reporter(), r.title(), r.origin(), r.player(),
                        r.eventTime().plus(shift), r.sendTime(), r.fake(), r.location()));
                sent++;
                progress.sent(sent, reports.size(), r.sendTime());
            }
            return sent;
        } finally {
            for (PeerSocket p : peers) {
                p.abort();
            }
            http.close();
        }
    }

    /**
     * @param origin where the match clock starts
     * @param last   when the last report is sent, by the match clock
     * @param speed  match seconds per real second
     * @param now    this machine's time when the match clock starts
     * @return what moves a match time onto this machine's clock: the last report then falls when the replay ends
     *         (faster than life), or the first when it begins (slower)
     */
    static Duration shift(Instant origin, Instant last, double speed, Instant now) {
        Duration match = Duration.between(origin, last);
        Duration real = Duration.ofNanos((long) (match.toNanos() / speed));
        Duration ahead = match.compareTo(real) > 0 ? match.minus(real) : Duration.ZERO;
        return Duration.between(origin, now).minus(ahead);
    }
}
