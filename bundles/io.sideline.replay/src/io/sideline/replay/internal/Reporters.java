package io.sideline.replay.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import io.sideline.replay.ReplayOptions;
import io.sideline.sport.football.Football;
import io.sideline.statsbomb.MatchEvent;
import io.sideline.statsbomb.StatsBombMatch;

/**
 * What the simulated peers send. Every peer watches the match: for each real event it reports with
 * probability 1 − miss, after a reaction time of 1 to 4 s, with its time off by up to ±jitter and, with
 * probability wrongOrigin, the other team. Liars report real events the same way, and in addition, every
 * 15 minutes of play all of them report the same invented goal, and every 20 minutes the same invented
 * red card, for the same team at the same moment.
 */
public final class Reporters {

    private Reporters() {
    }

    /** @return every report of the simulated peers, in the order they are sent */
    public static List<SimulatedReport> simulate(StatsBombMatch match, ReplayOptions o) {
        Random random = new Random(o.seed());
        List<SimulatedReport> out = new ArrayList<>();
        long jitterMs = o.jitter().toMillis();
        for (MatchEvent e : match.events()) {
            for (int r = 0; r < o.reporters(); r++) {
                if (random.nextDouble() < o.miss()) {
                    continue;
                }
                String origin = random.nextDouble() < o.wrongOrigin() ? other(match, e.origin()) : e.origin();
                Instant said = e.time().plusMillis(jitterMs == 0 ? 0 : (long) ((random.nextDouble() * 2 - 1) * jitterMs));
                Instant sent = e.time().plusMillis(1000 + random.nextInt(3000));
                boolean right = origin.equals(e.origin());
                out.add(new SimulatedReport(r, e.title(), origin, right ? e.player() : null, said, sent, false,
                        right ? e.location() : null));
            }
        }
        int liars = o.liarCount();
        if (liars > 0 && !match.events().isEmpty()) {
            Instant first = match.events().get(0).time();
            Instant last = match.events().get(match.events().size() - 1).time();
            fakes(out, random, liars, Football.GOAL, first.plus(Duration.ofMinutes(10)), last, Duration.ofMinutes(15),
                    match.away(), jitterMs);
            fakes(out, random, liars, Football.RED_CARD, first.plus(Duration.ofMinutes(17)), last, Duration.ofMinutes(20),
                    match.home(), jitterMs);
        }
        out.sort(Comparator.comparing(SimulatedReport::sendTime).thenComparingInt(SimulatedReport::reporter));
        return out;
    }

    private static void fakes(List<SimulatedReport> out, Random random, int liars, String title, Instant from, Instant to,
            Duration every, String team, long jitterMs) {
        for (Instant at = from; at.isBefore(to); at = at.plus(every)) {
            for (int liar = 0; liar < liars; liar++) {
                Instant said = at.plusMillis(jitterMs == 0 ? 0 : (long) ((random.nextDouble() * 2 - 1) * Math.min(jitterMs, 2000)));
                out.add(new SimulatedReport(liar, title, team, null, said, at.plusMillis(1000 + random.nextInt(3000)), true));
            }
        }
    }

    private static String other(StatsBombMatch m, String team) {
        return team.equals(m.home()) ? m.away() : m.home();
    }
}
