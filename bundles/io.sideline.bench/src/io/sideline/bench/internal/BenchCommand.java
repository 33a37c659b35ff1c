package io.sideline.bench.internal;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.osgi.service.component.annotations.Component;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;

/**
 * {@code ./sideline bench}: how many peers, reports and deliveries one host carries, side by side with a bare Jetty
 * WebSocket broadcast server driven by the same open-loop generator. The servers run in a JVM of their own
 * ({@code ./sideline bench-server}); this JVM is the generator. Prints each step as it goes, then one table.
 */
@Component(service = Command.class)
public final class BenchCommand implements Command {

    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax()
            .option("--peers", "--seconds", "--server-vm", "--only").flag("--quick", "--profile");

    private static final int REPORTERS = 10;
    private static final double KIB = 1024;

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "measure how many peers, reports and deliveries a host carries, against bare Jetty";
    }

    @Override
    public String usage() {
        return """
                usage: ./sideline bench [--peers 1000,10000] [--seconds 5] [--quick] [--profile] [--only sideline|jetty|hostile]

                Starts a lookup server and a host (then a bare Jetty 12 WebSocket broadcast server) in a JVM of
                their own on loopback, and drives them with real WebSocket clients on an open-loop schedule:
                  joins     join requests per second to the lookup server, and their p99 (from a pool
                            of kept-alive connections, as many clients would send them)
                  connect   N peers to a fresh host, and the server's heap per connected peer
                  ingest    reports per second from 10 reporters, raised until the host stops keeping up
                  fan-out   accepted events to N peers, raised until deliveries stop rising; latency from the
                            report that completes the quorum to the last peer receiving the event
                  hostile   a host with its limits as shipped: an honest pair's report → accepted p50/p99,
                            quiet, then while one user floods from 2,000 connections and 5,000 sockets
                            sit idle (from loopback addresses 127.2.x.y and 127.3.x.y)
                Prints every step, then one table with Sideline's figures as a ratio to bare Jetty's.
                Takes about 10 minutes on 2 cores; --quick (1,000 peers, 2-second steps) a few.

                  --peers LIST    peer counts for the connect and fan-out phases (default 1000,10000)
                  --seconds S     length of each step (default 5)
                  --server-vm O   the server JVM's options (default -Xmx1g)
                  --profile       record each server with Java Flight Recorder (bench-*.jfr in the work folder)
                  --only MODE     run only sideline, only jetty or only hostile

                The file descriptor limit (ulimit -n) must exceed the largest peer count plus a few hundred.
                example: ./sideline bench --quick
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<Integer> peerCounts;
        Duration step;
        String serverVm;
        String only;
        boolean profile;
        try {
            CommandLine line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            boolean quick = line.flag("--quick");
            peerCounts = line.value("--peers", quick ? List.of(1_000) : List.of(1_000, 10_000),
                    v -> Arrays.stream(v.split(",")).map(n -> Integer.parseInt(n.strip())).toList(),
                    "a list such as 1000,10000");
            double seconds = line.decimal("--seconds", quick ? 2 : 5, 0.1, 3600);
            step = Duration.ofMillis(Math.round(seconds * 1000));
            serverVm = line.string("--server-vm", "-Xmx1g");
            only = line.choice("--only", null, "sideline", "jetty", "hostile");
            profile = line.flag("--profile");
        } catch (UsageException e) {
            return e.report(this, err);
        }
        String installArea = System.getProperty("osgi.install.area");
        Path launcher = installArea == null ? null : Path.of(URI.create(installArea)).resolve("sideline");
        if (launcher == null || !Files.isExecutable(launcher)) {
            err.println("sideline bench: run it from an installation (./sideline bench); no launcher at " + launcher);
            return EXIT_FAILURE;
        }
        Path work = Files.createTempDirectory("sideline-bench");
        err.println("bench: " + machine() + "; server JVM " + serverVm + "; work folder " + work);
        Results r = new Results(peerCounts);
        try (Load load = new Load()) {
            if (only == null || "sideline".equals(only)) {
                sideline(load, launcher, work, serverVm + (profile ? " " + jfr(work, "sideline") : ""), peerCounts, step,
                        err, r);
            }
            if (only == null || "jetty".equals(only)) {
                jetty(load, launcher, work, serverVm + (profile ? " " + jfr(work, "jetty") : ""), peerCounts, step, err,
                        r);
            }
            if (only == null || "hostile".equals(only)) {
                hostile(load, launcher, work, serverVm + (profile ? " " + jfr(work, "hostile") : ""), step, err, r);
            }
            if (!load.deliveries.problems.isEmpty()) {
                err.println("problems the peers saw (first ten): " + load.deliveries.problems);
            }
        }
        out.println();
        out.println("Sideline bench: " + machine());
        r.print(out);
        return EXIT_OK;
    }

    private static String jfr(Path work, String mode) {
        return "-XX:StartFlightRecording=filename=" + work.resolve("bench-{name}.jfr") + ",settings=profile";
    }

    static String machine() {
        Runtime rt = Runtime.getRuntime();
        long memory = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return rt.availableProcessors() + " cores, " + (memory < 0 ? "?" : String.format(Locale.ROOT, "%.0f GiB", memory
                / (1024.0 * 1024 * 1024))) + " memory, Java " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vm.name") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }

    // ----------------------------------------------------------------------------------- Sideline

    /** A lookup server and a host in a fresh JVM, with the bench's users and its reporters connected. */
    private static final class SidelineRig implements AutoCloseable {
        final ServerProcess server;
        final LookupClient lookup;
        final URI host;
        final String match;
        final Session listener;
        final List<BenchPeer> reporters;
        final java.util.function.LongConsumer twoReports;

        SidelineRig(Load load, Path launcher, Path work, String vm) throws Exception {
            server = ServerProcess.start(launcher, "sideline", work, vm);
            lookup = LookupClient.create(URI.create(server.get("lookup")), Duration.ofSeconds(30));
            host = URI.create(server.get("host"));
            match = server.get("match");
            lookup.register("bench-peer", BenchServerCommand.PASSWORD).get();
            listener = lookup.identify("bench-peer", BenchServerCommand.PASSWORD).get();
            List<Session> sessions = new ArrayList<>();
            for (int i = 0; i < REPORTERS; i++) {
                lookup.register("bench-reporter-" + i, BenchServerCommand.PASSWORD).get();
                sessions.add(lookup.identify("bench-reporter-" + i, BenchServerCommand.PASSWORD).get());
            }
            int[] next = { 0 };
            reporters = load.connect(host, REPORTERS, () -> join(lookup, sessions.get(next[0]++), match));
            List<String> templates = reporters.stream().map(p -> Frames.reportTemplate(p.token)).toList();
            AtomicLong turn = new AtomicLong();
            twoReports = key -> {
                int i = (int) (turn.getAndIncrement() % REPORTERS);
                int j = (i + 1) % REPORTERS;
                reporters.get(i).send(Frames.fill(templates.get(i), key));
                reporters.get(j).send(Frames.fill(templates.get(j), key));
            };
        }

        @Override
        public void close() throws Exception {
            reporters.forEach(BenchPeer::close);
            lookup.close();
            server.close();
        }
    }

    private void sideline(Load load, Path launcher, Path work, String vm, List<Integer> peerCounts, Duration step,
            PrintStream err, Results r) throws Exception {
        err.println("bench: starting a lookup server and a host");
        try (SidelineRig rig = new SidelineRig(load, launcher, work, vm)) {
            err.println("bench: joins (lookup server)");
            r.joins = joins(rig.lookup, rig.listener, rig.match, step, err);
            err.println("bench: ingest: reports from " + REPORTERS + " reporters (each event: two reports, the quorum)");
            r.sidelineIngest = load.ramp(1_000, 2, 8, step, rig.twoReports, err, "ingest");
            load.disconnect(rig.reporters);
        }
        for (int n : peerCounts) {
            // a fresh host for each size, its timeline as short as a real match's, not the ingest's hundreds of thousands
            err.println("bench: a fresh lookup server and host; connecting " + String.format(Locale.ROOT, "%,d", n)
                    + " peers");
            try (SidelineRig rig = new SidelineRig(load, launcher, work, vm)) {
                List<String> tokens = tokens(rig.lookup, rig.listener, rig.match, n);
                long base = rig.server.heap();
                int[] k = { 0 };
                long t0 = System.nanoTime();
                List<BenchPeer> listeners = load.connect(rig.host, n, () -> tokens.get(k[0]++));
                double connectSeconds = (System.nanoTime() - t0) / 1e9;
                long heap = rig.server.heap();
                r.sidelineHeap.add(new double[] { n, (heap - base) / (double) n, heap, connectSeconds });
                err.printf(Locale.ROOT, "  %,d peers connected in %.1f s; server heap %.0f MiB, %.1f KiB per peer%n", n,
                        connectSeconds, heap / KIB / KIB, (heap - base) / (double) n / KIB);
                r.sidelineFanout.add(load.ramp(Math.max(1, 50_000.0 / n), 2, 8, step, rig.twoReports, err,
                        "fan-out " + n));
                load.disconnect(listeners);
                load.disconnect(rig.reporters);
            }
        }
    }

    private static String join(LookupClient lookup, Session s, String match) {
        try {
            return lookup.join(s, match).get(30, TimeUnit.SECONDS).token();
        } catch (Exception e) {
            throw new IllegalStateException("a join failed: " + e.getMessage(), e);
        }
    }

    /** @return n join tokens, fetched 64 at a time */
    private static List<String> tokens(LookupClient lookup, Session s, String match, int n) throws Exception {
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<String>> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inFlight.acquire();
            CompletableFuture<String> f = lookup.join(s, match).thenApply(t -> t.token());
            f.whenComplete((t, e) -> inFlight.release());
            all.add(f);
        }
        List<String> out = new ArrayList<>();
        for (CompletableFuture<String> f : all) {
            out.add(f.get(60, TimeUnit.SECONDS));
        }
        return out;
    }

    /** Join requests on an open-loop schedule, the rate doubling until the server stops keeping up. */
    private static List<double[]> joins(LookupClient lookup, Session s, String match, Duration step, PrintStream err)
            throws Exception {
        try (Joiner joiner = new Joiner(lookup.base(), match, s.token())) {
            return joins(joiner, step, err);
        }
    }

    private static List<double[]> joins(Joiner joiner, Duration step, PrintStream err) throws Exception {
        List<double[]> steps = new ArrayList<>();
        // a warm-up, not recorded: the JIT compiles the paths before they are measured
        for (int i = 0; i < 2_000; i++) {
            joiner.join().get(30, TimeUnit.SECONDS);
        }
        for (double rate = 1_000; rate <= 64_000; rate *= 1.5) {
            long count = Math.round(rate * step.toNanos() / 1e9);
            long interval = Math.round(1e9 / rate);
            Recorder latency = new Recorder(3);
            AtomicLong ok = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            AtomicLong last = new AtomicLong();
            List<CompletableFuture<?>> all = new ArrayList<>();
            long start = System.nanoTime() + 10_000_000;
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                all.add(joiner.join().whenComplete((t, e) -> {
                    long now = System.nanoTime();
                    last.accumulateAndGet(now, Math::max);
                    if (e == null) {
                        ok.incrementAndGet();
                        latency.recordValue((now - due) / 1_000);
                    } else {
                        failed.incrementAndGet();
                    }
                }));
            }
            try {
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted as failures
            }
            double seconds = (Math.max(last.get(), start) - start) / 1e9;
            Histogram h = latency.getIntervalHistogram();
            double achieved = ok.get() / seconds;
            double p99 = h.getValueAtPercentile(99) / 1e3;
            steps.add(new double[] { rate, achieved, h.getValueAtPercentile(50) / 1e3, p99, failed.get() });
            err.printf(Locale.ROOT, "  joins %8.0f/s offered: %,8.0f/s answered, p50 %6.1f ms, p99 %7.1f ms%s%n", rate,
                    achieved, h.getValueAtPercentile(50) / 1e3, p99, failed.get() > 0 ? ", " + failed.get() + " failed" : "");
            if (achieved < 0.9 * rate || p99 > 1_000 || failed.get() > 0) {
                break;
            }
            Thread.sleep(500);
        }
        return steps;
    }

    // ----------------------------------------------------------------------------------- hostile

    /** the flood's connections, all of one user with one join token */
    static final int FLOOD_CONNECTIONS = 2_000;
    /** sockets that upgrade and never say hello */
    static final int IDLE_SOCKETS = 5_000;
    /** the reports a second the flood offers over the connections the host keeps */
    static final double FLOOD_RATE = 20_000;
    /** events a second the honest pair reports: each reports 5 a second, within a person's limit of 10 */
    static final double HONEST_RATE = 5;

    /**
     * A host with its limits as shipped; two honest users report a corner each 200 ms, quiet, then while one user
     * floods and thousands of sockets sit idle. The latency is from the second report's due time to the moment both
     * honest peers hold the accepted event.
     */
    private void hostile(Load load, Path launcher, Path work, String vm, Duration step, PrintStream err, Results r)
            throws Exception {
        err.println("bench: hostile: a lookup server and a host with the limits it ships with");
        Duration length = step.compareTo(Duration.ofSeconds(20)) < 0 ? Duration.ofSeconds(20) : step;
        try (ServerProcess server = ServerProcess.start(launcher, "hostile", work, vm);
                LookupClient lookup = LookupClient.create(URI.create(server.get("lookup")), Duration.ofSeconds(30))) {
            URI host = URI.create(server.get("host"));
            String match = server.get("match");
            List<String> tokens = new ArrayList<>();
            for (String user : List.of("bench-honest-0", "bench-honest-1", "bench-flood")) {
                lookup.register(user, BenchServerCommand.PASSWORD).get();
                tokens.add(join(lookup, lookup.identify(user, BenchServerCommand.PASSWORD).get(), match));
            }
            int[] next = { 0 };
            List<BenchPeer> honest = load.connect(host, 2, () -> tokens.get(next[0]++));
            List<String> templates = honest.stream().map(p -> Frames.reportTemplate(p.token)).toList();
            java.util.function.LongConsumer pair = key -> {
                honest.get(0).send(Frames.fill(templates.get(0), key));
                honest.get(1).send(Frames.fill(templates.get(1), key));
            };
            load.run(HONEST_RATE, Duration.ofSeconds(2), pair, new PrintStream(java.io.OutputStream.nullOutputStream()),
                    "warm-up");
            r.hostileQuiet = load.run(HONEST_RATE, length, pair, err, "honest pair, quiet");
            err.printf(Locale.ROOT, "bench: hostile: one user opens %,d connections and floods %,.0f reports/s;"
                    + " %,d sockets upgrade and say nothing%n", FLOOD_CONNECTIONS, FLOOD_RATE, IDLE_SOCKETS);
            long t0 = System.nanoTime();
            try (Attack idle = Attack.start(host, tokens.get(2), 0, IDLE_SOCKETS, 0);
                    Attack flood = Attack.start(host, tokens.get(2), FLOOD_CONNECTIONS, 0, FLOOD_RATE)) {
                err.printf(Locale.ROOT, "  every attacking socket tried once in %.1f s; %,d open%n",
                        (System.nanoTime() - t0) / 1e9, idle.open() + flood.open());
                long written0 = flood.reportsWritten.get();
                long s0 = System.nanoTime();
                r.hostileAttacked = load.run(HONEST_RATE, length, pair, err, "honest pair, attacked");
                double floodRate = (flood.reportsWritten.get() - written0) / ((System.nanoTime() - s0) / 1e9);
                idle.report(err);
                flood.report(err);
                r.attack = String.format(Locale.ROOT, "flood: %,d upgrades, %,d closed by the host, %,d connections "
                        + "identified, %,.0f reports/s written while measured; idle: %,d upgrades, %,d closed by the "
                        + "host, %,d refused with 429", flood.upgraded.get(), flood.closedByHost.get(),
                        flood.floodIdentified.get(), floodRate, idle.upgraded.get(), idle.closedByHost.get(),
                        idle.refusedAtUpgrade.get());
            }
            load.disconnect(honest);
        }
    }

    // ----------------------------------------------------------------------------------- bare Jetty

    private void jetty(Load load, Path launcher, Path work, String vm, List<Integer> peerCounts, Duration step,
            PrintStream err, Results r) throws Exception {
        err.println("bench: starting a bare Jetty WebSocket broadcast server");
        try (ServerProcess server = ServerProcess.start(launcher, "jetty", work, vm)) {
            URI ws = URI.create(server.get("ws"));
            List<BenchPeer> senders = load.connect(ws, REPORTERS, null);
            String template = Frames.acceptedTemplate();
            AtomicLong turn = new AtomicLong();
            // the same reports as Sideline's ingest: two frames per event, each broadcast to every client
            java.util.function.LongConsumer twoFrames = key -> {
                int i = (int) (turn.getAndIncrement() % REPORTERS);
                String frame = Frames.fill(template, key);
                senders.get(i).send(frame);
                senders.get((i + 1) % REPORTERS).send(frame);
            };
            java.util.function.LongConsumer oneFrame = key -> senders.get((int) (turn.getAndIncrement() % REPORTERS))
                    .send(Frames.fill(template, key));
            err.println("bench: ingest (bare Jetty): the same two frames per event, each broadcast to every client");
            r.jettyIngest = load.ramp(1_000, 2, 8, step, twoFrames, err, "ingest (jetty)");
            for (int n : peerCounts) {
                err.println("bench: connecting " + String.format(Locale.ROOT, "%,d", n) + " clients (bare Jetty)");
                long base = server.heap();
                long t0 = System.nanoTime();
                List<BenchPeer> listeners = load.connect(ws, n, null);
                double connectSeconds = (System.nanoTime() - t0) / 1e9;
                long heap = server.heap();
                r.jettyHeap.add(new double[] { n, (heap - base) / (double) n, heap, connectSeconds });
                err.printf(Locale.ROOT, "  %,d clients connected in %.1f s; server heap %.0f MiB, %.1f KiB per client%n",
                        n, connectSeconds, heap / KIB / KIB, (heap - base) / (double) n / KIB);
                r.jettyFanout.add(load.ramp(Math.max(1, 50_000.0 / n), 2, 8, step, oneFrame, err, "fan-out (jetty) " + n));
                load.disconnect(listeners);
            }
            load.disconnect(senders);
        }
    }
}
