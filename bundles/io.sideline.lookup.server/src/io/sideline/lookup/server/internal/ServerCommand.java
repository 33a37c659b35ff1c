package io.sideline.lookup.server.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

import org.osgi.service.component.annotations.Component;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;
import io.sideline.lookup.server.LookupServer;
import io.sideline.lookup.server.LookupServerConfig;

/** {@code ./sideline server}: the lookup server, headless, until SIGTERM or Ctrl+C. */
@Component(service = Command.class)
public final class ServerCommand implements Command {

    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax().option("--port", "--host", "--data",
            "--jdbc-url", "--jdbc-user", "--max-open-matches", "--max-matches-per-day", "--max-registrations")
            .flag("--local-network");

    @Override
    public String name() {
        return "server";
    }

    @Override
    public String summary() {
        return "run a lookup server: identification, match search and registration, join tokens";
    }

    @Override
    public String usage() {
        return """
                usage: ./sideline server [--port PORT] [--host ADDRESS] [--data DIR] [--jdbc-url URL [--jdbc-user USER]]
                                         [--max-open-matches N] [--max-matches-per-day N] [--max-registrations N]
                                         [--local-network]

                Runs the lookup server until it gets SIGTERM or Ctrl+C, then stops cleanly. Logs one line per request.

                  --port PORT      TCP port to listen on (default 8080; 0 picks a free one)
                  --host ADDRESS   address to listen on (default 0.0.0.0: every interface)
                  --data DIR       where the embedded database lives (default ./sideline-data)
                  --jdbc-url URL   use this database instead, e.g. jdbc:postgresql://db:5432/sideline, so that
                                   several lookup servers share one; the password comes from the environment
                                   variable SIDELINE_JDBC_PASSWORD
                  --jdbc-user USER the database user
                  --max-open-matches N     matches one user may have scheduled or live at once (default 20;
                                           0: no limit)
                  --max-matches-per-day N  matches one user may register within 24 hours (default 100; 0: no limit)
                  --max-registrations N    users one client address may register within an hour (default 20;
                                           0: no limit)
                  --local-network  accept matches whose host is on a local network: loopback, private and
                                   link-local addresses, localhost and names without a dot. Without it a
                                   match's hostUrl must name a public address or host name, so that joiners
                                   are never sent to services on their own networks

                example: ./sideline server --port 8080 --data /var/lib/sideline
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        LookupServerConfig.Builder config = LookupServerConfig.builder();
        String jdbcUrl;
        String jdbcUser;
        try {
            CommandLine line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            if (line.has("--port")) {
                config.port(line.integer("--port", 0)); // the config checks the range
            }
            // with a fallback given, string and path never answer null
            config.bindHost(Objects.requireNonNull(line.string("--host", "0.0.0.0")))
                    .dataDir(Objects.requireNonNull(line.path("--data", Path.of("sideline-data"))));
            config.matchQuota(line.integer("--max-open-matches", LookupServerConfig.DEFAULT_MAX_OPEN_MATCHES, 0,
                    Integer.MAX_VALUE), line.integer("--max-matches-per-day", LookupServerConfig.DEFAULT_MAX_MATCHES_PER_DAY,
                            0, Integer.MAX_VALUE))
                    .registrationLimit(line.integer("--max-registrations", LookupServerConfig.DEFAULT_MAX_REGISTRATIONS, 0,
                            Integer.MAX_VALUE), LookupServerConfig.DEFAULT_REGISTRATION_WINDOW);
            config.localNetwork(line.flag("--local-network"));
            jdbcUrl = line.string("--jdbc-url");
            jdbcUser = line.string("--jdbc-user");
        } catch (UsageException e) {
            return e.report(this, err);
        }
        if (jdbcUrl != null) {
            config.jdbc(jdbcUrl, jdbcUser, System.getenv("SIDELINE_JDBC_PASSWORD"));
        }
        config.log(line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        });
        LookupServerConfig c;
        try {
            c = config.build();
        } catch (IllegalArgumentException e) {
            return new UsageException(e.getMessage()).report(this, err);
        }

        LookupServer server = LookupServer.start(c);
        out.println("Sideline lookup server listening on " + c.bindHost() + ":" + server.port() + " ("
                + (jdbcUrl != null ? "database " + jdbcUrl // else the config has a data folder: it refuses neither
                        : "data in " + Objects.requireNonNull(c.dataDir(), "dataDir").toAbsolutePath()) + ")");
        out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            out.println("Sideline lookup server stopping");
            server.close();
            out.println("Sideline lookup server stopped");
            out.flush();
            stopped.countDown();
        }, "lookup-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        stopped.await();
        return EXIT_OK;
    }
}
