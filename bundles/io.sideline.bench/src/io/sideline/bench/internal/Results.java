package io.sideline.bench.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a bench run measured, and the one table it prints. */
final class Results {

    final List<Integer> peerCounts;
    /** steps: offered/s, answered/s, p50 ms, p99 ms, failures */
    List<double[]> joins = List.of();
    List<Load.Step> sidelineIngest = List.of();
    List<Load.Step> jettyIngest = List.of();
    /** per peer count: peers, heap bytes per peer, heap bytes, seconds to connect */
    final List<double[]> sidelineHeap = new ArrayList<>();
    final List<double[]> jettyHeap = new ArrayList<>();
    final List<List<Load.Step>> sidelineFanout = new ArrayList<>();
    final List<List<Load.Step>> jettyFanout = new ArrayList<>();
    /** the hostile phase: the honest pair quiet, and attacked; what the attack achieved */
    Load.Step hostileQuiet;
    Load.Step hostileAttacked;
    String attack = "";

    Results(List<Integer> peerCounts) {
        this.peerCounts = List.copyOf(peerCounts);
    }

    /** @return the step with the most completed events per second among those that kept up, or else the first */
    static Load.Step best(List<Load.Step> steps) {
        Load.Step best = null;
        for (Load.Step s : steps) {
            if (s.keptUp() && (best == null || s.deliveriesPerSecond() > best.deliveriesPerSecond())) {
                best = s;
            }
        }
        return best != null ? best : steps.isEmpty() ? null : steps.get(0);
    }

    void print(PrintStream out) {
        if (!attack.isEmpty()) {
            out.println("hostile phase, the attack: " + attack);
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] { "figure", "Sideline", "bare Jetty", "ratio", "aim" });
        double[] joinBest = null;
        for (double[] j : joins) {
            if (j[1] >= 0.9 * j[0] && j[4] == 0 && (joinBest == null || j[1] > joinBest[1])) {
                joinBest = j;
            }
        }
        rows.add(new String[] { "lookup joins/s, p99", joinBest == null ? "—"
                : f("%,.0f/s, p99 %.1f ms", joinBest[1], joinBest[3]), "—", "—", "≥ 10,000/s at p99 ≤ 20 ms" });
        Load.Step si = best(sidelineIngest);
        Load.Step ji = best(jettyIngest);
        rows.add(new String[] { "reports ingested and voted/s (10 reporters)",
                si == null ? "—" : f("%,.0f/s", 2 * si.completedPerSecond()),
                ji == null ? "—" : f("%,.0f frames/s", 2 * ji.completedPerSecond()),
                ratio(si == null ? 0 : si.completedPerSecond(), ji == null ? 0 : ji.completedPerSecond()), "≥ 20,000/s" });
        for (int i = 0; i < peerCounts.size(); i++) {
            int n = peerCounts.get(i);
            double[] sh = i < sidelineHeap.size() ? sidelineHeap.get(i) : null;
            double[] jh = i < jettyHeap.size() ? jettyHeap.get(i) : null;
            rows.add(new String[] { f("heap per connected peer, %,d peers", n),
                    sh == null ? "—" : f("%.1f KiB (%.0f MiB in all)", sh[1] / 1024, sh[2] / 1048576),
                    jh == null ? "—" : f("%.1f KiB (%.0f MiB in all)", jh[1] / 1024, jh[2] / 1048576),
                    sh == null || jh == null ? "—" : f("%.2f", sh[1] / jh[1]), n >= 10_000 ? "≤ 1 GiB in all" : "" });
            Load.Step sf = i < sidelineFanout.size() ? best(sidelineFanout.get(i)) : null;
            Load.Step jf = i < jettyFanout.size() ? best(jettyFanout.get(i)) : null;
            rows.add(new String[] { f("deliveries/s, %,d peers", n), sf == null ? "—" : f("%,.0f/s", sf.deliveriesPerSecond()),
                    jf == null ? "—" : f("%,.0f/s", jf.deliveriesPerSecond()),
                    ratio(sf == null ? 0 : sf.deliveriesPerSecond(), jf == null ? 0 : jf.deliveriesPerSecond()),
                    "≥ 200,000/s; ≥ 0.8 × Jetty" });
            rows.add(new String[] { f("report → last peer p50/p99/p99.9, %,d peers, at that rate", n),
                    sf == null ? "—" : f("%.1f / %.1f / %.1f ms", sf.p50(), sf.p99(), sf.p999()),
                    jf == null ? "—" : f("%.1f / %.1f / %.1f ms", jf.p50(), jf.p99(), jf.p999()), "",
                    n >= 10_000 ? "p99 ≤ 100 ms" : "p99 ≤ 20 ms" });
            Load.Step sl = i < sidelineFanout.size() && !sidelineFanout.get(i).isEmpty() ? sidelineFanout.get(i).get(0) : null;
            Load.Step jl = i < jettyFanout.size() && !jettyFanout.get(i).isEmpty() ? jettyFanout.get(i).get(0) : null;
            if (sl != null || jl != null) {
                rows.add(new String[] { f("  the same at %,.0f deliveries/s", (sl != null ? sl : jl).offeredEvents() * n),
                        sl == null ? "—" : f("%.1f / %.1f / %.1f ms", sl.p50(), sl.p99(), sl.p999()),
                        jl == null ? "—" : f("%.1f / %.1f / %.1f ms", jl.p50(), jl.p99(), jl.p999()), "", "" });
            }
        }
        if (hostileQuiet != null || hostileAttacked != null) {
            rows.add(new String[] { "honest report → accepted p50/p99, host as shipped, quiet", hostileQuiet == null ? "—"
                    : f("%.1f / %.1f ms", hostileQuiet.p50(), hostileQuiet.p99()), "—", "", "" });
            rows.add(new String[] { f("  the same while 1 user floods from %,d connections and %,d sockets idle",
                    BenchCommand.FLOOD_CONNECTIONS, BenchCommand.IDLE_SOCKETS), hostileAttacked == null ? "—"
                    : f("%.1f / %.1f ms (%d of %d events)", hostileAttacked.p50(), hostileAttacked.p99(),
                            hostileAttacked.completed(), hostileAttacked.events()), "—", "", "p99 ≤ 100 ms" });
        }
        int[] width = new int[5];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder b = new StringBuilder("| ");
            for (int c = 0; c < 5; c++) {
                b.append(String.format(Locale.ROOT, "%-" + width[c] + "s", rows.get(r)[c])).append(" | ");
            }
            out.println(b.toString().stripTrailing());
            if (r == 0) {
                StringBuilder line = new StringBuilder("|");
                for (int c = 0; c < 5; c++) {
                    line.append("-".repeat(width[c] + 2)).append("|");
                }
                out.println(line);
            }
        }
    }

    private static String ratio(double a, double b) {
        return a <= 0 || b <= 0 ? "—" : f("%.2f", a / b);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
