package io.sideline.replay.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sideline.local.LocalMatch;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Location;
import io.sideline.replay.ReplayDriver;
import io.sideline.replay.ReplayOptions;
import io.sideline.replay.Score;
import io.sideline.replay.internal.WebSocketReplay;
import io.sideline.sport.football.Football;
import io.sideline.statsbomb.StatsBombMatch;

/**
 * Both replays over real WebSockets report a match of 2021 to a host that takes only event times near its own
 * clock (6 hours before the match's start to 10 minutes after its now): {@code ./sideline replay} hosts the match
 * on the replay's clock, and the workbench's replay into a local match hosted now moves the event times onto
 * this machine's clock.
 */
class OverWebSocketsTest {

    private static ReplayOptions at(double speed) {
        ReplayOptions d = ReplayOptions.defaults();
        return new ReplayOptions(d.reporters(), d.miss(), d.wrongOrigin(), d.jitter(), d.liars(), d.minVotes(),
                d.fraction(), speed, d.seed());
    }

    @Test
    void sidelineReplayHostsTheMatchOnTheReplaysClockAndRecoversIt() throws Exception {
        Score score = WebSocketReplay.run(TurkeyItalyTest.match(), at(600), new PrintStream(OutputStream.nullOutputStream()));

        assertEquals(2, score.perAction().get(Football.GOAL).correct(), "both goals: " + score.missed());
        assertEquals(1, score.perAction().get(Football.OWN_GOAL).correct(), "and the own goal: " + score.missed());
        assertTrue(score.overall().f1() >= 0.9, "F1 over all mapped actions: " + score.overall().f1());
    }

    @Test
    void theWorkbenchsReplayIntoALocalMatchHostedNowIsTakenWithItsTimesMovedToNow(@TempDir Path dir) throws Exception {
        StatsBombMatch match = TurkeyItalyTest.match();
        ReplayOptions o = at(600);
        List<String> log = new CopyOnWriteArrayList<>();
        try (LocalMatch local = LocalMatch.start(dir, new Football(), "Turkey – Italy (replay)",
                List.of(match.home(), match.away()), new QuorumPolicy(o.minVotes(), o.fraction()), log::add)) {
            Instant before = Instant.now();
            int sent = ReplayDriver.drive(match, o, local.client(), local.hosted().match().id(), new ReplayDriver.Progress() {
            });
            assertTrue(sent > 500, "the whole match is sent: " + sent);

            Map<String, Accepted> latest = new LinkedHashMap<>();
            for (int i = 0; i < 100 && goals(latest) < 3; i++) { // the last votes settle within a few seconds
                Thread.sleep(100);
                latest.clear();
                local.hosted().host().timeline().forEach(a -> latest.put(a.id(), a));
            }
            assertEquals(3, goals(latest), "Italy's three goals, the own goal among them: " + latest.values());
            assertTrue(latest.size() >= 100, "the match is on the timeline: " + latest.size() + " events");
            // the reports carry the file's locations, and the vote keeps them: Immobile's goal at StatsBomb's
            // [113.6, 36.1] on its 120 × 80 pitch is 94.7, 45.1 on Sideline's 0–100 pitch; Insigne's [107.9, 29.5] is
            // 89.9, 36.9
            Map<String, Location> scorers = new LinkedHashMap<>();
            for (Accepted a : latest.values()) {
                if (a.event().title().equals(Football.GOAL) && a.status() != Accepted.Status.RETRACTED) {
                    scorers.put(a.event().player(), a.event().location());
                }
            }
            assertEquals(Map.of("Ciro Immobile", new Location(94.7, 45.1), "Lorenzo Insigne", new Location(89.9, 36.9)),
                    scorers, "the goals where they were scored");
            long shots = latest.values().stream().filter(a -> a.event().title().startsWith("Shot")).count();
            long located = latest.values().stream().filter(a -> a.event().title().startsWith("Shot"))
                    .filter(a -> a.event().location() != null).count();
            assertTrue(shots > 10 && located == shots, located + " of " + shots + " shots have a location");
            Instant after = Instant.now();
            for (Accepted a : latest.values()) {
                Instant t = a.event().time();
                assertTrue(t.isAfter(before.minusSeconds(3 * 3600)) && t.isBefore(after.plusSeconds(60)),
                        "an event time moved onto this machine's clock, in the past when it was reported: " + a);
            }
        }
    }

    private static long goals(Map<String, Accepted> latest) {
        return latest.values().stream().filter(a -> a.status() != Accepted.Status.RETRACTED)
                .filter(a -> a.event().title().equals(Football.GOAL) || a.event().title().equals(Football.OWN_GOAL))
                .count();
    }
}
