package io.sideline.bench.internal;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * The open-loop load generator: real WebSocket clients (Jetty's), and a sender that keeps a fixed schedule whether
 * or not the server keeps up, so that a slow server shows as latency and lost throughput, never as a politely
 * slower client.
 */
final class Load implements AutoCloseable {

    /** The figures of one step of a ramp. */
    record Step(double offeredEvents, int peers, long events, long completed, long delivered, double seconds,
            double p50, double p99, double p999, int incomplete, double senderLagMs) {

        double deliveriesPerSecond() {
            return delivered / seconds;
        }

        double completedPerSecond() {
            return completed / seconds;
        }

        /** @return whether the server kept up: nearly every event reached every peer, and nearly on time */
        boolean keptUp() {
            return completed >= 0.99 * events && completedPerSecond() >= 0.9 * offeredEvents && p99 < 1_000;
        }
    }

    final Deliveries deliveries = new Deliveries();
    private final WebSocketClient client;
    private final AtomicLong nextEvent = new AtomicLong();
    final List<BenchPeer> peers = new ArrayList<>();

    Load() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 8);
        threads.setName("bench-client");
        threads.setDaemon(true);
        HttpClient http = new HttpClient();
        http.setExecutor(threads);
        http.setMaxConnectionsPerDestination(20_000);
        http.setMaxRequestsQueuedPerDestination(20_000);
        http.setConnectTimeout(30_000);
        client = new WebSocketClient(http);
        client.setIdleTimeout(Duration.ofMinutes(10));
        client.setMaxTextMessageSize(1 << 20);
        client.start();
    }

    /**
     * Connects peers, a few hundred at a time.
     *
     * @param tokens a join token for each, or {@code null} for servers that do not ask (bare Jetty)
     * @return the peers, each ready (it has its setup)
     */
    List<BenchPeer> connect(URI uri, int count, Supplier<String> tokens) throws Exception {
        Semaphore inFlight = new Semaphore(256);
        List<BenchPeer> made = new ArrayList<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            String token = tokens == null ? null : tokens.get();
            BenchPeer p = new BenchPeer(deliveries, token != null);
            p.token = token;
            made.add(p);
            CompletableFuture<Void> done = client.connect(p, uri).thenCompose(session -> {
                if (token != null) {
                    p.send(Frames.hello(token));
                }
                return p.ready;
            });
            done.whenComplete((v, t) -> inFlight.release());
            all.add(done);
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        synchronized (peers) {
            peers.addAll(made);
        }
        return made;
    }

    /** Closes these peers and forgets them. */
    void disconnect(List<BenchPeer> some) throws InterruptedException {
        some.forEach(BenchPeer::close);
        synchronized (peers) {
            peers.removeAll(some);
        }
        Thread.sleep(1_000);
    }

    int openPeers() {
        synchronized (peers) {
            return (int) peers.stream().filter(BenchPeer::isOpen).count();
        }
    }

    /**
     * One step: events at a fixed rate for a while, each expected by every open peer.
     *
     * @param send sends the event with this key (its event time): the reports, or the frame
     */
    Step run(double eventsPerSecond, Duration length, LongConsumer send, PrintStream progress, String label)
            throws InterruptedException {
        deliveries.takeLatencies();
        int expected = openPeers();
        long delivered0 = deliveries.delivered();
        long completed0 = deliveries.completed();
        long count = Math.max(1, Math.round(eventsPerSecond * length.toNanos() / 1e9));
        long interval = Math.round(1e9 / eventsPerSecond);
        long start = System.nanoTime() + 10_000_000;
        for (long i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            long key = Frames.BASE + nextEvent.incrementAndGet() * Frames.SPACING;
            deliveries.expect(key, due, expected);
            send.accept(key);
        }
        long sendEnd = System.nanoTime();
        double lag = (sendEnd - (start + count * interval)) / 1e6;
        long drainUntil = sendEnd + 10_000_000_000L;
        while (deliveries.completed() - completed0 < count && System.nanoTime() < drainUntil) {
            Thread.sleep(20);
        }
        long end = Math.max(sendEnd, deliveries.lastDelivery());
        double seconds = (end - start) / 1e9;
        Histogram h = deliveries.takeLatencies();
        int incomplete = deliveries.pending();
        deliveries.forgetPending();
        Step s = new Step(eventsPerSecond, expected, count, deliveries.completed() - completed0,
                deliveries.delivered() - delivered0, seconds, h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3, incomplete, Math.max(0, lag));
        progress.printf("  %-24s %8.0f events/s offered to %,6d peers: %,10.0f deliveries/s, %,8.0f events/s complete,"
                + " p50 %7.1f ms, p99 %7.1f ms, p99.9 %7.1f ms%s%n", label, eventsPerSecond, expected,
                s.deliveriesPerSecond(), s.completedPerSecond(), s.p50(), s.p99(), s.p999(),
                incomplete > 0 ? ", " + incomplete + " never reached every peer" : "");
        return s;
    }

    /**
     * Raises the rate step by step until the server stops keeping up.
     *
     * @return every step, the last one the first that did not keep up (or the last allowed)
     */
    List<Step> ramp(double firstRate, double factor, int maxSteps, Duration length, LongConsumer send, PrintStream progress,
            String label) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        // a warm-up at the first rate, not recorded: the JIT compiles the paths before they are measured
        run(firstRate, Duration.ofSeconds(2), send, new PrintStream(java.io.OutputStream.nullOutputStream()), label);
        Thread.sleep(500);
        double rate = firstRate;
        for (int i = 0; i < maxSteps; i++) {
            Step s = run(rate, length, send, progress, label);
            steps.add(s);
            if (!s.keptUp()) {
                break;
            }
            rate *= factor;
            Thread.sleep(500);
        }
        return steps;
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
