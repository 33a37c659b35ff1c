package io.sideline.host.internal;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;
import io.sideline.host.HostedMatch;
import io.sideline.lookup.LookupError;
import io.sideline.lookup.LookupException;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.lookup.Session;
import io.sideline.lookup.client.LookupClient;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportRegistry;

/**
 * {@code ./sideline host}: hosts a match headless, registered with a lookup server, until SIGTERM or Ctrl+C.
 */
@Component(service = Command.class)
public final class HostCommand implements Command {

    /** the environment variable that holds the user's password */
    public static final String PASSWORD_ENV = "SIDELINE_PASSWORD";
    /** the port a headless host listens on unless told otherwise */
    public static final int DEFAULT_PORT = 7070;

    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax()
            .option("--lookup", "--user", "--password-file", "--create", "--teams", "--sport", "--start", "--quorum",
                    "--fraction", "--match", "--port", "--host", "--advertise", "--data", "--heartbeat")
            .flag("--register", "--finish-on-stop");

    private SportRegistry sports;

    /** a sport was installed */
    /** @param registry the installed sports (DS sets it; a program without OSGi passes its own) */
    @Reference
    public void setSports(SportRegistry registry) {
        sports = registry;
    }

    @Override
    public String name() {
        return "host";
    }

    @Override
    public String summary() {
        return "host a match headless: register it with a lookup server, take reports, vote, broadcast";
    }

    @Override
    public String usage() {
        return """
                usage: ./sideline host --lookup URL --user NAME (--create NAME --teams HOME,AWAY | --match ID) [options]

                Hosts a match until SIGTERM or Ctrl+C, then stops cleanly. The match is registered with the
                lookup server, which checks the join tokens of peers; the host tells it every few seconds that
                it is alive and where peers reach it. Accepted events are kept in a journal in the data folder:
                run the same command with --match ID to host the match again after a stop or a crash.

                  --lookup URL          the lookup server, e.g. http://lookup.example.org:8080
                  --user NAME           the user who owns the match; the password is read from the environment
                                        variable SIDELINE_PASSWORD, from --password-file, or asked for on a terminal
                  --password-file FILE  read the password from the first line of FILE
                  --register            register the user first when the lookup server does not know it yet

                  --create NAME         register a new match called NAME and host it
                  --teams HOME,AWAY     its teams (two or more, home first); required with --create
                  --sport ID            its sport (default football); installed: %s
                  --start TIME          its start, ISO-8601, e.g. 2021-06-11T19:00:00Z (default now)
                  --quorum K            distinct reporters a report needs (default 2; 1 lets one analyst report alone)
                  --fraction F          share of the active reporters that must agree as well, 0 to 1 (default 0)
                  --match ID            host a match registered before by this user

                  --port PORT           TCP port to listen on (default 7070; 0 picks a free one)
                  --host ADDRESS        address to listen on (default 0.0.0.0: every interface)
                  --advertise HOST      the name or address peers reach this host by (default: this machine's
                                        first non-loopback address), or a whole ws:// or wss:// URL for a
                                        TLS proxy in front of the host
                  --data DIR            where the journals live (default ./sideline-host-data)
                  --heartbeat SECONDS   how often to tell the lookup server the host is alive (default 10)
                  --finish-on-stop      tell the lookup server the match is over when the host stops

                Prints "match: ID URL" once the match is hosted, so scripts can read where it is.

                example: SIDELINE_PASSWORD=... ./sideline host --lookup http://localhost:8080 --user ana \\
                             --create "Turkey – Italy" --teams Turkey,Italy --quorum 2
                """.formatted(installed());
    }

    private String installed() {
        return sports.ids();
    }

    private Sport sport(String id) {
        return sports.find(id).orElse(null);
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(20, TimeUnit.SECONDS); // the JVM ends when its hooks end: let the host close first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "host-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(args, out, err, stop);
        } finally {
            stopped.countDown();
        }
    }

    /**
     * Hosts until {@code stop} opens (the shutdown hook opens it on SIGTERM), then stops cleanly.
     *
     * @return the exit code
     */
    public int run(List<String> args, PrintStream out, PrintStream err, CountDownLatch stop) throws Exception {
        Options options;
        try {
            CommandLine line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            options = Options.read(line, this);
        } catch (UsageException e) {
            return e.report(this, err);
        }
        String password;
        try {
            password = password(options.passwordFile);
        } catch (IllegalArgumentException | IOException e) {
            err.println("sideline host: " + e.getMessage());
            return EXIT_USAGE;
        }

        PrintStream log = out;
        try (LookupClient lookup = LookupClient.create(options.lookup)) {
            Session session;
            try {
                session = identify(lookup, options, password, log);
            } catch (LookupException e) {
                err.println("sideline host: " + explain(e, options));
                return EXIT_FAILURE;
            }
            HostedMatch.Builder b = HostedMatch.with(lookup, session).sports(sports).bindHost(options.bindHost)
                    .port(options.port).advertiseHost(options.advertise).dataDir(options.data)
                    .heartbeat(options.heartbeat).reidentify(() -> lookup.identify(options.user, password))
                    .log(line -> {
                        synchronized (log) {
                            log.println(line);
                            log.flush();
                        }
                    });
            HostedMatch hosted;
            try {
                hosted = options.matchId != null ? b.resume(options.matchId)
                        : b.create(options.create, options.sport, options.teams, options.start, options.quorum);
            } catch (LookupException e) {
                err.println("sideline host: " + explain(e, options));
                return EXIT_FAILURE;
            } catch (IllegalArgumentException | IllegalStateException | IOException e) {
                err.println("sideline host: " + e.getMessage());
                return EXIT_FAILURE;
            }
            try {
                out.println("match: " + hosted.match().id() + " " + hosted.url());
                out.flush();
                stop.await();
                out.println("Sideline host stopping");
                if (options.finishOnStop) {
                    try {
                        hosted.finish();
                        out.println("told the lookup server that " + hosted.match().id() + " is finished");
                    } catch (LookupException e) {
                        err.println("sideline host: could not mark the match finished: " + e.getMessage());
                    }
                }
            } finally {
                hosted.close();
                out.println("Sideline host stopped");
                out.flush();
            }
            return EXIT_OK;
        }
    }

    private static Session identify(LookupClient lookup, Options options, String password, PrintStream log)
            throws LookupException, InterruptedException {
        if (options.register) {
            try {
                LookupClient.await(lookup.register(options.user, password), "register user " + options.user);
                log.println("registered user " + options.user + " with " + options.lookup);
            } catch (LookupException e) {
                if (!e.is(LookupError.USER_EXISTS)) {
                    throw e;
                }
            }
        }
        return LookupClient.await(lookup.identify(options.user, password), "identify as " + options.user);
    }

    private static String explain(LookupException e, Options options) {
        if (e.is(LookupError.BAD_CREDENTIALS)) {
            return "the lookup server at " + options.lookup + " does not know user " + options.user
                    + " with that password (a new user? add --register)";
        }
        return e.getMessage();
    }

    private static String password(String file) throws IOException {
        if (file != null) {
            List<String> lines = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new IllegalArgumentException("the password file " + file + " is empty");
            }
            return lines.get(0);
        }
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isEmpty()) {
            return env;
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("password: ");
            if (typed != null && typed.length > 0) {
                String p = new String(typed);
                Arrays.fill(typed, '\0');
                return p;
            }
        }
        throw new IllegalArgumentException("no password: set " + PASSWORD_ENV + ", pass --password-file FILE, or run "
                + "on a terminal to be asked");
    }

    /** The command line, checked. */
    private record Options(URI lookup, String user, String passwordFile, boolean register, String create,
            List<String> teams, Sport sport, Instant start, QuorumPolicy quorum, String matchId, int port,
            String bindHost, String advertise, Path data, Duration heartbeat, boolean finishOnStop) {

        static Options read(CommandLine o, HostCommand command) throws UsageException {
            String lookupText = o.required("--lookup");
            URI lookup;
            try {
                lookup = URI.create(lookupText);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--lookup is not a URL: " + lookupText);
            }
            if (!"http".equals(lookup.getScheme()) && !"https".equals(lookup.getScheme()) || lookup.getHost() == null) {
                throw new UsageException("--lookup must be the lookup server's http:// or https:// URL, not \""
                        + lookupText + "\"");
            }
            String user = o.required("--user");
            String create = o.string("--create");
            String matchId = o.string("--match");
            if ((create == null) == (matchId == null)) {
                throw new UsageException("give either --create NAME (a new match) or --match ID (one "
                        + "registered before)");
            }
            List<String> teams = List.of();
            Sport sport = null;
            Instant start = null;
            QuorumPolicy quorum = null;
            if (create != null) {
                if (create.isBlank()) {
                    throw new UsageException("--create needs the match's name");
                }
                teams = Arrays.stream(o.required("--teams").split(",")).map(String::strip).toList();
                if (teams.size() < 2 || teams.stream().anyMatch(String::isEmpty)) {
                    throw new UsageException("--teams needs two or more names separated by commas, home first, "
                            + "e.g. --teams Turkey,Italy");
                }
                String sportId = o.string("--sport", "football");
                sport = command.sport(sportId);
                if (sport == null) {
                    throw new UsageException("no sport \"" + sportId + "\" is installed; installed: "
                            + command.installed());
                }
                start = o.value("--start", null, Instant::parse, "an ISO-8601 time such as 2021-06-11T19:00:00Z");
                if (start == null) {
                    start = Instant.now();
                }
                int k = o.integer("--quorum", 2, 1, QuorumPolicy.MAX_MIN_VOTES);
                double fraction = o.decimal("--fraction", 0, 0, 1);
                quorum = new QuorumPolicy(k, fraction);
            } else {
                for (String only : List.of("--teams", "--sport", "--start", "--quorum", "--fraction")) {
                    if (o.has(only)) {
                        throw new UsageException(only + " describes a new match; with --match the lookup "
                                + "server already has it");
                    }
                }
            }
            String advertise = o.string("--advertise");
            if (advertise != null && advertise.contains("://")) {
                URI u;
                try {
                    u = URI.create(advertise);
                } catch (IllegalArgumentException e) {
                    u = null;
                }
                if (u == null || !("ws".equals(u.getScheme()) || "wss".equals(u.getScheme())) || u.getHost() == null) {
                    throw new UsageException("--advertise takes a host name, an address, or a ws:// or wss:// "
                            + "URL, not \"" + advertise + "\"");
                }
            }
            int port = o.integer("--port", DEFAULT_PORT, 0, 65_535);
            int heartbeat = o.integer("--heartbeat", (int) HostedMatch.DEFAULT_HEARTBEAT.toSeconds(), 1, 3600);
            return new Options(lookup, user, o.string("--password-file"), o.flag("--register"), create, teams, sport,
                    start, quorum, matchId, port, o.string("--host", "0.0.0.0"), advertise,
                    o.path("--data", Path.of("sideline-host-data")), Duration.ofSeconds(heartbeat),
                    o.flag("--finish-on-stop"));
        }
    }
}
