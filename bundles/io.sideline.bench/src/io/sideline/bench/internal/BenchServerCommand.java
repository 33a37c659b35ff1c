package io.sideline.bench.internal;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.osgi.service.component.annotations.Component;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;
import io.sideline.host.HostedMatch;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.local.LocalLookup;
import io.sideline.sport.football.Football;

/**
 * {@code ./sideline bench-server}: the server side of {@code ./sideline bench}, in a JVM of its own so that its
 * heap and file descriptors are its own. Either a lookup server and a Sideline host ({@code --mode sideline}, its
 * limits raised for the bench's machine peers; {@code --mode hostile}, its limits as it ships), or a
 * bare Jetty 12 WebSocket server that sends every frame it receives to every client ({@code --mode jetty}). It prints
 * {@code ready ...} and then answers lines on its standard input: {@code heap} (the heap in use after a full
 * collection) and {@code quit}.
 */
@Component(service = Command.class)
public final class BenchServerCommand implements Command {

    /** the password of every bench user */
    static final String PASSWORD = "bench password, not secret";
    /** the user that owns the bench match */
    static final String HOST_USER = "bench-host";

    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax().option("--mode", "--data");

    @Override
    public String name() {
        return "bench-server";
    }

    @Override
    public String summary() {
        return "(the server side of ./sideline bench, started by it)";
    }

    @Override
    public String usage() {
        return """
                usage: ./sideline bench-server --mode sideline|jetty|hostile --data DIR

                Started by ./sideline bench in a JVM of its own; not meant to be run by hand.
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        String mode;
        Path data;
        try {
            CommandLine line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            mode = line.choice("--mode", "sideline", "sideline", "jetty", "hostile");
            data = line.path("--data", null);
        } catch (UsageException e) {
            return e.report(this, err);
        }
        if (data == null) {
            data = Files.createTempDirectory("sideline-bench");
        }
        if (mode.equals("jetty")) {
            try (BareBroadcast server = BareBroadcast.start()) {
                out.println("ready ws=" + server.uri());
                out.flush();
                serve(out);
            }
            return EXIT_OK;
        }
        // requests from one address (the bench's) must not be throttled as an attack would be
        try (LocalLookup lookup = LocalLookup.start(LocalLookup.loopback(data.resolve("lookup"))
                .requestLimit(1_000_000, 1_000_000).log(line -> { }).build())) {
            HostedMatch hosted = lookup.host(lookup.user(HOST_USER, PASSWORD), data.resolve("journals")).log(line -> { })
                    .configure(mode.equals("hostile") ? b -> { } // the host as it ships: its limits are what is measured
                            // the bench's reporters are machines: a person's limit (10 a second) would be the
                            // bottleneck; its 10,000 peers come from one address as one user, and join 256 at a time;
                            // a long run passes a match's timeline limits
                            : b -> b.reportLimit(100_000, 100_000).connectionLimits(100_000, 100_000)
                                    .helloTimeout(Duration.ofSeconds(60))
                                    .timelineLimit(Integer.MAX_VALUE, Long.MAX_VALUE))
                    // its events' times start at Frames.BASE
                    .create("Bench", new Football(), List.of("Home", "Away"), Instant.ofEpochMilli(Frames.BASE),
                            new QuorumPolicy(2, 0));
            try (hosted) {
                out.println("ready lookup=" + lookup.uri() + " host=" + hosted.url() + " match=" + hosted.match().id());
                out.flush();
                serve(out);
            }
        }
        return EXIT_OK;
    }

    /** answers the bench's questions until it says quit or goes away */
    private static void serve(PrintStream out) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            switch (line.strip()) {
                case "heap" -> {
                    for (int i = 0; i < 3; i++) {
                        System.gc();
                        Thread.sleep(200);
                    }
                    out.println("heap " + memory.getHeapMemoryUsage().getUsed());
                    out.flush();
                }
                case "quit" -> {
                    return;
                }
                default -> {
                    out.println("unknown " + line);
                    out.flush();
                }
            }
        }
    }

    /** The baseline: a bare Jetty 12 WebSocket server that broadcasts every text frame it receives to every client. */
    public static final class BareBroadcast implements AutoCloseable {
        private final Server jetty;
        private final URI uri;

        private BareBroadcast(Server jetty, URI uri) {
            this.jetty = jetty;
            this.uri = uri;
        }

        static BareBroadcast start() throws Exception {
            Set<Session> clients = ConcurrentHashMap.newKeySet();
            QueuedThreadPool threads = new QueuedThreadPool(200, 8);
            threads.setName("bare-jetty");
            Server jetty = new Server(threads);
            ServerConnector connector = new ServerConnector(jetty);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            jetty.addConnector(connector);
            jetty.setHandler(WebSocketUpgradeHandler.from(jetty, container -> container.addMapping("/broadcast",
                    (request, response, callback) -> new Client(clients))));
            jetty.start();
            return new BareBroadcast(jetty, URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/broadcast"));
        }

        URI uri() {
            return uri;
        }

        /** One client of the baseline: whatever it sends goes to every client. Public for Jetty. */
        public static final class Client implements Session.Listener.AutoDemanding {
            private final Set<Session> clients;
            private Session session;

            Client(Set<Session> clients) {
                this.clients = clients;
            }

            @Override
            public void onWebSocketOpen(Session s) {
                session = s;
                clients.add(s);
            }

            @Override
            public void onWebSocketText(String text) {
                for (Session c : clients) {
                    c.sendText(text, Callback.NOOP);
                }
            }

            @Override
            public void onWebSocketClose(int status, String reason) {
                clients.remove(session);
            }

            @Override
            public void onWebSocketError(Throwable cause) {
                clients.remove(session);
            }
        }

        @Override
        public void close() throws Exception {
            jetty.stop();
        }
    }
}
