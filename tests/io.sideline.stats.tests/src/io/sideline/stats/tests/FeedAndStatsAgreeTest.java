package io.sideline.stats.tests;

import static io.sideline.stats.tests.Host.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.sideline.peer.Timeline;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.TimelineEvent;
import io.sideline.sport.football.Football;
import io.sideline.stats.MatchStats;

/**
 * The feed ({@link Timeline#latest()}) and the statistics ({@link MatchStats}) take the same version of every
 * event as current, whatever the order the messages arrive in. The messages below are those where the two
 * used to decide differently: several messages of one version that do not agree (votes that go down, an
 * event or a status that differs, as a merged or hand-edited journal may hold), and versions that arrive out
 * of order.
 */
class FeedAndStatsAgreeTest {

    private static final Instant AT = Host.KICK_OFF;

    /** event e1: a goal whose version 1 is also sent as a shot, then confirmed with votes up and down */
    private final Accepted goal = accepted("e1", 1, 1, Accepted.Status.ACCEPTED, Football.GOAL, "Italy", 2, 0.5);
    private final Accepted goalAsShot = accepted("e1", 2, 1, Accepted.Status.ACCEPTED, Football.SHOT_OFF_TARGET,
            "Italy", 3, 0.6);
    private final Accepted goalConfirmed = accepted("e1", 3, 1, Accepted.Status.ACCEPTED, Football.GOAL, "Italy", 5,
            0.9);
    private final Accepted goalConfirmedLower = accepted("e1", 4, 1, Accepted.Status.ACCEPTED, Football.GOAL, "Italy",
            4, 0.8);
    /** event e2: Turkey's goal, amended to an own goal (a point to Italy), whose version 2 is also a retraction */
    private final Accepted turkeyGoal = accepted("e2", 5, 1, Accepted.Status.ACCEPTED, Football.GOAL, "Turkey", 2,
            0.5);
    private final Accepted ownGoal = accepted("e2", 6, 2, Accepted.Status.AMENDED, Football.OWN_GOAL, "Turkey", 4,
            0.7);
    private final Accepted ownGoalRetracted = accepted("e2", 7, 2, Accepted.Status.RETRACTED, Football.OWN_GOAL,
            "Turkey", 3, 0.6);

    private final List<Accepted> messages = List.of(goal, goalAsShot, goalConfirmed, goalConfirmedLower, turkeyGoal,
            ownGoal, ownGoalRetracted);

    /** the current version of each event: the first message of its highest version, the best votes of that version */
    private final List<Accepted> current = List.of(
            accepted("e1", 1, 1, Accepted.Status.ACCEPTED, Football.GOAL, "Italy", 5, 0.9),
            accepted("e2", 6, 2, Accepted.Status.AMENDED, Football.OWN_GOAL, "Turkey", 4, 0.7));

    @Test
    void inEveryOrderTheFeedAndTheCountsAndScoreAgree() {
        int orders = 0;
        for (List<Accepted> order : permutations(messages)) {
            orders++;
            Timeline feed = Timeline.of(order);
            MatchStats stats = new MatchStats(new Football(), List.of("Turkey", "Italy"), Host.KICK_OFF);
            stats.applyAll(order);

            assertEquals(current, feed.latest(), () -> "the feed, after " + order);
            // what the feed shows as current: Italy's goal, and Turkey's own goal (a point to Italy)
            assertEquals(1, stats.count(Football.GOAL, "Italy"), () -> "after " + order);
            assertEquals(0, stats.count(Football.SHOT_OFF_TARGET, "Italy"), () -> "after " + order);
            assertEquals(0, stats.count(Football.GOAL, "Turkey"), () -> "after " + order);
            assertEquals(1, stats.count(Football.OWN_GOAL, "Turkey"), () -> "after " + order);
            assertEquals(Map.of("Turkey", 0, "Italy", 2), stats.score(), () -> "after " + order);
        }
        assertEquals(5040, orders);
    }

    @Test
    void inEveryOrderTheStatisticsEventsAreTheFeedsStandingEvents() {
        for (List<Accepted> order : permutations(messages)) {
            Timeline feed = Timeline.of(order);
            MatchStats stats = new MatchStats(new Football(), List.of("Turkey", "Italy"), Host.KICK_OFF);
            stats.applyAll(order);
            assertEquals(new HashSet<>(standing(feed.latest())), new HashSet<>(stats.events()),
                    () -> "after " + order);
        }
    }

    @Test
    void inTheHostsOrderTheStatisticsShowTheVotesTheFeedShows() {
        MatchStats stats = new MatchStats(new Football(), List.of("Turkey", "Italy"), Host.KICK_OFF);
        stats.applyAll(messages);
        Timeline feed = Timeline.of(messages);
        assertEquals(feed.latest("e1").orElseThrow(), stats.events().get(0));
        assertEquals(5, stats.events().get(0).votes(), "a later confirmation with fewer votes does not lower them");
    }

    private static List<Accepted> standing(List<Accepted> latest) {
        return latest.stream().filter(a -> a.status() != Accepted.Status.RETRACTED).toList();
    }

    private static Accepted accepted(String id, long seq, int version, Accepted.Status status, String action,
            String origin, int votes, double confidence) {
        return new Accepted(AT.plusSeconds(seq), id, seq, version, status,
                new TimelineEvent(action, origin, at(10, 0)), votes, confidence,
                status == Accepted.Status.ACCEPTED ? null : "corrected");
    }

    private static List<List<Accepted>> permutations(List<Accepted> items) {
        List<List<Accepted>> out = new ArrayList<>();
        permute(new ArrayList<>(items), 0, out);
        return out;
    }

    private static void permute(List<Accepted> items, int from, List<List<Accepted>> out) {
        if (from == items.size()) {
            out.add(List.copyOf(items));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            Collections.swap(items, from, i);
            permute(items, from + 1, out);
            Collections.swap(items, from, i);
        }
    }
}
