package io.sideline.replay;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.sideline.statsbomb.MatchEvent;

/**
 * Scores an accepted timeline against the match's ground truth, per action: an accepted event is right when
 * a true event of the same action and team lies within the action's window of it, each true event matching
 * at most one accepted event (nearest first). Latency runs from the true event to its acceptance.
 */
public final class Score {

    /** An event as the vote accepted it. */
    public record Outcome(String title, String origin, Instant eventTime, Instant acceptedAt) {
    }

    /** The figures of one action, or of all. */
    public record Line(String action, int truth, int accepted, int correct, List<Duration> latencies) {

        public double precision() {
            return accepted == 0 ? (truth == 0 ? 1 : 0) : (double) correct / accepted;
        }

        public double recall() {
            return truth == 0 ? (accepted == 0 ? 1 : 0) : (double) correct / truth;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public Duration latency(double quantile) {
            if (latencies.isEmpty()) {
                return Duration.ZERO;
            }
            List<Duration> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            int i = (int) Math.ceil(quantile * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }
    }

    private final Map<String, Line> perAction;
    private final Line overall;
    private final List<MatchEvent> missed;
    private final List<Outcome> wrong;

    private Score(Map<String, Line> perAction, Line overall, List<MatchEvent> missed, List<Outcome> wrong) {
        this.perAction = perAction;
        this.overall = overall;
        this.missed = List.copyOf(missed);
        this.wrong = List.copyOf(wrong);
    }

    /** @return the score of a timeline */
    public static Score of(List<MatchEvent> truth, List<Outcome> accepted, Function<String, Duration> window) {
        Map<String, Line> lines = new LinkedHashMap<>();
        List<String> actions = new ArrayList<>();
        truth.forEach(t -> {
            if (!actions.contains(t.title())) {
                actions.add(t.title());
            }
        });
        accepted.forEach(a -> {
            if (!actions.contains(a.title())) {
                actions.add(a.title());
            }
        });
        int tTotal = 0;
        int aTotal = 0;
        int cTotal = 0;
        List<Duration> allLatencies = new ArrayList<>();
        List<MatchEvent> missed = new ArrayList<>();
        List<Outcome> wrong = new ArrayList<>();
        for (String action : actions) {
            List<MatchEvent> t = truth.stream().filter(e -> e.title().equals(action)).toList();
            List<Outcome> a = accepted.stream().filter(e -> e.title().equals(action)).toList();
            boolean[] used = new boolean[t.size()];
            int correct = 0;
            List<Duration> latencies = new ArrayList<>();
            for (Outcome o : a) {
                int best = -1;
                long bestDistance = window.apply(action).toMillis() + 1;
                for (int i = 0; i < t.size(); i++) {
                    if (!used[i] && t.get(i).origin().equals(o.origin())) {
                        long d = Math.abs(Duration.between(t.get(i).time(), o.eventTime()).toMillis());
                        if (d < bestDistance) {
                            bestDistance = d;
                            best = i;
                        }
                    }
                }
                if (best >= 0) {
                    used[best] = true;
                    correct++;
                    latencies.add(Duration.between(t.get(best).time(), o.acceptedAt()));
                } else {
                    wrong.add(o);
                }
            }
            for (int i = 0; i < t.size(); i++) {
                if (!used[i]) {
                    missed.add(t.get(i));
                }
            }
            lines.put(action, new Line(action, t.size(), a.size(), correct, latencies));
            tTotal += t.size();
            aTotal += a.size();
            cTotal += correct;
            allLatencies.addAll(latencies);
        }
        return new Score(lines, new Line("overall", tTotal, aTotal, cTotal, allLatencies), missed, wrong);
    }

    /** @return the figures per action */
    public Map<String, Line> perAction() {
        return perAction;
    }

    /** @return the figures over all actions */
    public Line overall() {
        return overall;
    }

    /** @return the true events no accepted event matched */
    public List<MatchEvent> missed() {
        return missed;
    }

    /** @return the accepted events no true event matched */
    public List<Outcome> wrong() {
        return wrong;
    }

    /**
     * Prints what the vote got wrong, each on one line with its match time: the true events it missed and the
     * events it accepted that did not happen (or not then, or not by that team).
     */
    public void printMistakes(PrintStream out, Instant kickoff) {
        for (MatchEvent m : missed) {
            out.printf(Locale.ROOT, "missed   %-16s %-10s %s (period %d, %s)%n", m.title(), m.origin(), clock(kickoff,
                    m.time()), m.period(), m.player() == null ? "" : m.player());
        }
        for (Outcome o : wrong) {
            out.printf(Locale.ROOT, "wrong    %-16s %-10s %s%n", o.title(), o.origin(), clock(kickoff, o.eventTime()));
        }
    }

    private static String clock(Instant kickoff, Instant t) {
        long s = Duration.between(kickoff, t).toSeconds();
        return String.format(Locale.ROOT, "%s%d:%02d after kick-off", s < 0 ? "-" : "", Math.abs(s) / 60, Math.abs(s) % 60);
    }

    /** Prints the table and, last, the one line scripts read. */
    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "%-16s %6s %8s %7s %9s %7s %6s %8s %8s%n", "action", "truth", "accepted", "correct",
                "precision", "recall", "F1", "p50", "p95");
        for (Line l : perAction.values()) {
            row(out, l);
        }
        row(out, overall);
        out.printf(Locale.ROOT, "overall: precision=%.3f recall=%.3f F1=%.3f latency_p50=%.1fs latency_p95=%.1fs%n",
                overall.precision(), overall.recall(), overall.f1(), seconds(overall.latency(0.5)),
                seconds(overall.latency(0.95)));
    }

    private static void row(PrintStream out, Line l) {
        out.printf(Locale.ROOT, "%-16s %6d %8d %7d %9.3f %7.3f %6.3f %7.1fs %7.1fs%n", l.action(), l.truth(), l.accepted(),
                l.correct(), l.precision(), l.recall(), l.f1(), seconds(l.latency(0.5)), seconds(l.latency(0.95)));
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
