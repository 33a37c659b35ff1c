package io.sideline.bench.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hostile phase's attackers, on raw sockets (no WebSocket library: they do what a library would not): one user
 * with one join token opening {@code flood} connections and sending reports as fast as the schedule says on every
 * one the host keeps, and {@code idle} sockets that upgrade and then say nothing. Each comes from a loopback address
 * of its own range ({@code 127.2.x.y}, {@code 127.3.x.y}), a few dozen per address, so that the host's limit per
 * address is not what stops them: the limits per user, the hello deadline and the per-user queue are. Whatever the
 * host closes is opened again a moment later, as an attacker would. One thread per attack does it all: the bench
 * starts one for the flood and one for the idle sockets.
 */
final class Attack implements AutoCloseable {

    private static final int PER_ADDRESS = 20;
    private static final long REOPEN_NANOS = 2_000_000_000L;
    private static final int REOPEN_PER_PASS = 50;

    /** One raw connection. */
    private static final class Raw {
        final String local;
        final boolean flood;
        SocketChannel channel;
        long closedAt;
        ByteBuffer pending;
        boolean identified;

        Raw(String local, boolean flood) {
            this.local = local;
            this.flood = flood;
        }
    }

    final AtomicLong upgraded = new AtomicLong();
    final AtomicLong refusedAtUpgrade = new AtomicLong();
    final AtomicLong closedByHost = new AtomicLong();
    final AtomicLong floodIdentified = new AtomicLong();
    final AtomicLong reportsWritten = new AtomicLong();

    private final URI host;
    private final String hello;
    private final String template;
    private final List<Raw> all = new ArrayList<>();
    private final double reportsPerSecond;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean ready;
    private final ByteBuffer scratch = ByteBuffer.allocate(64 * 1024);

    private Attack(URI host, String floodToken, int flood, int idle, double reportsPerSecond) {
        this.host = host;
        this.hello = Frames.hello(floodToken);
        this.template = Frames.reportTemplate(floodToken);
        this.reportsPerSecond = reportsPerSecond;
        for (int i = 0; i < flood; i++) {
            all.add(new Raw(address(2, i), true));
        }
        for (int i = 0; i < idle; i++) {
            all.add(new Raw(address(3, i), false));
        }
        thread = new Thread(this::run, "bench-attack");
        thread.setDaemon(true);
    }

    private static String address(int range, int i) {
        int a = i / PER_ADDRESS;
        return "127." + range + "." + (a / 250) + "." + (a % 250 + 1);
    }

    /** starts the attack and returns once every socket was tried once */
    static Attack start(URI host, String floodToken, int flood, int idle, double reportsPerSecond)
            throws InterruptedException {
        Attack a = new Attack(host, floodToken, flood, idle, reportsPerSecond);
        a.thread.start();
        while (!a.ready && a.thread.isAlive()) {
            Thread.sleep(50);
        }
        return a;
    }

    private void run() {
        for (Raw r : all) {
            open(r);
        }
        ready = true;
        long start = System.nanoTime();
        long sentSoFar = 0;
        while (running) {
            long now = System.nanoTime();
            int reopened = 0;
            for (Raw r : all) {
                if (r.channel == null) {
                    // a few at a time, so that the flood's schedule is kept between them
                    if (now - r.closedAt > REOPEN_NANOS && reopened++ < REOPEN_PER_PASS) {
                        open(r);
                    }
                } else {
                    drain(r, now);
                }
            }
            // the flood: reports on the schedule, round-robin over the flood connections the host keeps
            long due = (long) ((System.nanoTime() - start) / 1e9 * reportsPerSecond);
            List<Raw> live = new ArrayList<>();
            for (Raw r : all) {
                if (r.flood && r.channel != null && r.identified) {
                    live.add(r);
                }
            }
            boolean wrote = true;
            while (sentSoFar < due && !live.isEmpty() && wrote) {
                wrote = false;
                for (Raw r : live) {
                    if (r.channel != null && r.pending == null && sentSoFar < due) {
                        send(r, Frames.fill(template, Frames.BASE + ThreadLocalRandom.current().nextLong(1L << 40)));
                        sentSoFar++;
                        wrote = true;
                    }
                }
            }
            sentSoFar = Math.max(sentSoFar, due - (long) reportsPerSecond); // a schedule missed is not made up later
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
        for (Raw r : all) {
            closeQuietly(r);
        }
    }

    private void open(Raw r) {
        SocketChannel c = null;
        try {
            c = SocketChannel.open();
            c.bind(new InetSocketAddress(r.local, 0));
            c.connect(new InetSocketAddress(host.getHost(), host.getPort()));
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET " + host.getPath() + " HTTP/1.1\r\nHost: " + host.getHost() + ":" + host.getPort()
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
            c.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            StringBuilder head = new StringBuilder();
            ByteBuffer one = ByteBuffer.allocate(1);
            while (!head.toString().endsWith("\r\n\r\n")) { // byte by byte: nothing past the headers is consumed
                one.clear();
                if (c.read(one) < 0) {
                    break;
                }
                head.append((char) one.get(0));
            }
            if (!head.toString().startsWith("HTTP/1.1 101")) {
                refusedAtUpgrade.incrementAndGet();
                c.close();
                r.closedAt = System.nanoTime();
                return;
            }
            upgraded.incrementAndGet();
            c.configureBlocking(false);
            r.channel = c;
            r.identified = false;
            r.pending = null;
            if (r.flood) {
                send(r, hello);
            }
        } catch (IOException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (IOException ignored) {
                    // gone
                }
            }
            r.channel = null;
            r.closedAt = System.nanoTime();
        }
    }

    /** reads and forgets what the host sent; notices the setup and the end of the stream */
    private void drain(Raw r, long now) {
        try {
            while (true) {
                scratch.clear();
                int n = r.channel.read(scratch);
                if (n < 0) {
                    closedByHost.incrementAndGet();
                    closeQuietly(r);
                    r.closedAt = now;
                    return;
                }
                if (n == 0) {
                    break;
                }
                if (r.flood && !r.identified
                        && new String(scratch.array(), 0, n, StandardCharsets.ISO_8859_1).contains("\"setup\"")) {
                    r.identified = true;
                    floodIdentified.incrementAndGet();
                }
            }
            if (r.pending != null) {
                r.channel.write(r.pending);
                if (!r.pending.hasRemaining()) {
                    r.pending = null;
                }
            }
        } catch (IOException e) {
            closedByHost.incrementAndGet();
            closeQuietly(r);
            r.closedAt = now;
        }
    }

    /** writes one masked text frame (mask 0: the payload as it is), unless the last one is still going out */
    private void send(Raw r, String text) {
        if (r.pending != null) {
            return;
        }
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer frame = ByteBuffer.allocate(payload.length + 8);
        frame.put((byte) 0x81);
        if (payload.length < 126) {
            frame.put((byte) (0x80 | payload.length));
        } else {
            frame.put((byte) (0x80 | 126)).putShort((short) payload.length);
        }
        frame.putInt(0).put(payload).flip();
        try {
            r.channel.write(frame);
            if (frame.hasRemaining()) {
                r.pending = frame;
            }
            reportsWritten.incrementAndGet();
        } catch (IOException e) {
            closedByHost.incrementAndGet();
            closeQuietly(r);
            r.closedAt = System.nanoTime();
        }
    }

    private static void closeQuietly(Raw r) {
        if (r.channel != null) {
            try {
                r.channel.close();
            } catch (IOException ignored) {
                // gone
            }
            r.channel = null;
        }
    }

    /** @return how many of the attackers' sockets are open now (read by the attack's thread; a glance) */
    int open() {
        int n = 0;
        for (Raw r : all) {
            if (r.channel != null) {
                n++;
            }
        }
        return n;
    }

    void report(PrintStream out) {
        out.printf(Locale.ROOT, "  attack: %,d upgrades, %,d refused at the upgrade (429), %,d closed by the host,"
                + " %,d flood connections identified, %,d frames written%n", upgraded.get(), refusedAtUpgrade.get(),
                closedByHost.get(), floodIdentified.get(), reportsWritten.get());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(30_000);
    }
}
