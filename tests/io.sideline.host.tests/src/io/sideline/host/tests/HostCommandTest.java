package io.sideline.host.tests;

import static io.sideline.host.tests.Wire.at;
import static io.sideline.host.tests.Wire.hello;
import static io.sideline.host.tests.Wire.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.sideline.cli.Command;
import io.sideline.host.internal.HostCommand;
import io.sideline.lookup.JoinTicket;
import io.sideline.lookup.Match;
import io.sideline.lookup.MatchState;
import io.sideline.protocol.Accepted;
import io.sideline.protocol.Setup;
import io.sideline.sport.api.SportRegistry;
import io.sideline.sport.football.Football;
import io.sideline.testing.ChildJvm;
import io.sideline.testing.Await;
import io.sideline.testing.LookupFixture;

/**
 * {@code ./sideline host}: its options refused with a reason, a wrong password explained, and a match hosted
 * headless that peers find through the lookup server; stopped by SIGTERM in a process of its own, cleanly,
 * with its journal ready for {@code --match ID}.
 */
class HostCommandTest {

    private static final Pattern MATCH_LINE = Pattern.compile("match: (\\S+) (ws://\\S+)");
    /** the start of the matches these tests create: their reports' times ({@link Wire#at}) are in its second hour */
    private static final String KICK_OFF = "2021-06-11T19:00:00Z";

    @TempDir
    Path dir;
    private LookupFixture lookup;
    private Path passwordFile;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        lookup = LookupFixture.start(dir.resolve("lookup"), "ben");
        passwordFile = Files.writeString(dir.resolve("password"), LookupFixture.PASSWORD + "\n");
    }

    @AfterEach
    void stop() throws Exception {
        for (Process p : children) {
            p.destroyForcibly();
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        lookup.close();
    }

    private static HostCommand command() {
        HostCommand c = new HostCommand();
        c.setSports(SportRegistry.of(new Football()));
        return c;
    }

    private List<String> base(String... more) {
        List<String> args = new ArrayList<>(List.of("--lookup", lookup.server.uri().toString(), "--user", "ana",
                "--password-file", passwordFile.toString(), "--host", "127.0.0.1", "--port", "0", "--data",
                dir.resolve("journals").toString(), "--heartbeat", "1"));
        args.addAll(List.of(more));
        return args;
    }

    // ------------------------------------------------------------------------------------ refusals

    static Stream<Arguments> badCommandLines() {
        String l = "http://127.0.0.1:9/";
        return Stream.of(
                Arguments.of(List.of("--user", "ana", "--create", "X", "--teams", "A,B"), "missing --lookup"),
                Arguments.of(List.of("--lookup", l, "--create", "X", "--teams", "A,B"), "missing --user"),
                Arguments.of(List.of("--lookup", l, "--user", "ana"), "either --create NAME"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--create", "X", "--match", "m1"), "either --create"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--create", "X"), "missing --teams"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--create", "X", "--teams", "Turkey"),
                        "two or more names"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--create", "X", "--teams", "A,B", "--sport",
                        "curling"), "no sport \"curling\" is installed; installed: football"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--create", "X", "--teams", "A,B", "--quorum", "0"),
                        "--quorum must be a whole number from 1"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--create", "X", "--teams", "A,B", "--fraction",
                        "1.5"), "--fraction must be a number from 0 to 1"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--create", "X", "--teams", "A,B", "--start",
                        "tonight"), "ISO-8601"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--match", "m1", "--port", "70000"),
                        "--port must be a whole number from 0 to 65535"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--match", "m1", "--teams", "A,B"),
                        "--teams describes a new match"),
                Arguments.of(List.of("--lookup", "ftp://x", "--user", "ana", "--match", "m1"), "http:// or https://"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--match", "m1", "--advertise",
                        "https://sideline.example.org/match"), "--advertise takes a host name, an address, or a ws://"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--match", "m1", "--bogus"), "unknown option --bogus"),
                Arguments.of(List.of("--lookup", l, "--user", "ana", "--match"), "missing value after --match"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void aBadCommandLineIsRefusedWithTheReasonAndNothingIsRegistered(List<String> args, String reason) throws Exception {
        Run r = runToEnd(args);
        assertEquals(Command.EXIT_USAGE, r.exit, r.err);
        assertTrue(r.err.contains(reason), "expected \"" + reason + "\" in: " + r.err);
        assertEquals(0, lookup.client.search(lookup.session("ben"), new io.sideline.lookup.MatchQuery(null, null, null,
                null, 0, 10)).get().total(), "no match registered");
    }

    @Test
    void aWrongPasswordIsExplainedAndANewUserIsToldAboutRegister() throws Exception {
        Run unknown = runToEnd(base("--create", "Turkey – Italy", "--teams", "Turkey,Italy"));
        assertEquals(Command.EXIT_FAILURE, unknown.exit, unknown.err);
        assertTrue(unknown.err.contains("does not know user ana with that password (a new user? add --register)"),
                unknown.err);
        assertTrue(!unknown.err.contains("Exception") && !unknown.err.contains("\tat "), "no stack trace: " + unknown.err);
    }

    // ------------------------------------------------------------------------------------ hosting

    @Test
    void aMatchHostedFromTheCommandLineIsFoundThroughTheLookupServerAndFinishedOnStop() throws Exception {
        Background host = runInBackground(base("--register", "--create", "Turkey – Italy", "--teams", "Turkey,Italy",
                "--start", KICK_OFF, "--quorum", "1", "--finish-on-stop"));
        Matcher m = host.awaitMatchLine();
        String id = m.group(1);
        String url = m.group(2);

        Match registered = lookup.client.match(lookup.session("ben"), id).get();
        assertEquals("ana", registered.owner(), "--register created ana, who owns the match");
        assertEquals(url, registered.hostUrl());
        assertEquals(List.of("Turkey", "Italy"), registered.origins());
        assertEquals(1, registered.quorum().minVotes());

        JoinTicket ticket = lookup.client.join(lookup.session("ben"), id).get();
        Peer ben = new Peer(URI.create(ticket.hostUrl()));
        open.add(ben);
        ben.send(hello(ticket.token(), 0));
        ben.next(Setup.class);
        ben.send(report(ticket.token(), "Goal", "Italy", at(53)));
        assertEquals("Goal", ben.next(Accepted.class).event().title(), "quorum 1: one report is enough");

        host.stop.countDown();
        assertEquals(Command.EXIT_OK, host.exit.get(30, TimeUnit.SECONDS), host.err());
        assertTrue(host.out().contains("Sideline host stopped"), host.out());
        assertEquals(MatchState.FINISHED, lookup.client.match(lookup.session("ben"), id).get().state(),
                "--finish-on-stop told the lookup server");
        ben.awaitClose();
    }

    @Test
    void sigtermStopsTheHostCleanlyAndTheSameMatchIsHostedAgainWithItsTimeline() throws Exception {
        ChildJvm child = ChildJvm.start(dir, HostCommandProcess.class, "match: ",
                base("--register", "--create", "Turkey – Italy", "--teams", "Turkey,Italy", "--start", KICK_OFF,
                        "--quorum", "1").toArray(String[]::new));
        children.add(child.process());
        Matcher m = MATCH_LINE.matcher(child.readyLine());
        assertTrue(m.matches(), child.readyLine());
        String id = m.group(1);

        JoinTicket ticket = lookup.client.join(lookup.session("ben"), id).get();
        try (Peer ben = new Peer(URI.create(ticket.hostUrl()))) {
            ben.send(hello(ticket.token(), 0));
            ben.next(Setup.class);
            ben.send(report(ticket.token(), "Goal", "Italy", at(53)));
            assertEquals(1, ben.next(Accepted.class).seq());

            child.process().toHandle().destroy(); // SIGTERM, leaving our ends of its pipes open to read what it says
            assertTrue(child.process().waitFor(30, TimeUnit.SECONDS), "the host stopped within 30 s");
            assertEquals(143, child.process().exitValue(), "ended by SIGTERM (128 + 15)");
            Await.until("the host said it stopped", () -> child.outputText().contains("Sideline host stopped"),
                    () -> child.outputText() + "\n" + readQuietly(child.errFile()));
            assertTrue(child.outputText().contains("stopped hosting " + id + "; 1 accepted messages in the journal"),
                    child.outputText());
            ben.awaitClose();
        }
        assertEquals(MatchState.LIVE, lookup.client.match(lookup.session("ben"), id).get().state(),
                "stopping is not finishing: the match is still on (host lost once its heartbeats are missed)");

        Background again = runInBackground(base("--match", id));
        String newUrl = again.awaitMatchLine().group(2);
        JoinTicket later = lookup.client.join(lookup.session("ben"), id).get();
        assertEquals(newUrl, later.hostUrl(), "the lookup server sends joiners to where the host is now");
        try (Peer ben = new Peer(URI.create(later.hostUrl()))) {
            ben.send(hello(later.token(), 0));
            assertEquals(1, ben.next(Setup.class).lastSeq());
            Accepted goal = ben.next(Accepted.class);
            assertEquals(1, goal.seq());
            assertEquals("Goal", goal.event().title(), "the journal kept the goal accepted before SIGTERM");
        }
        again.stop.countDown();
        assertEquals(Command.EXIT_OK, again.exit.get(30, TimeUnit.SECONDS), again.err());
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }

    // ------------------------------------------------------------------------------------ running

    private record Run(int exit, String out, String err) {
    }

    private static Run runToEnd(List<String> args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = command().run(args, o, e, new CountDownLatch(0));
        }
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** the command running in a thread of the test, until {@link #stop} opens */
    private static final class Background {
        final CountDownLatch stop = new CountDownLatch(1);
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

        String out() {
            synchronized (outBytes) {
                return outBytes.toString(StandardCharsets.UTF_8);
            }
        }

        String err() {
            synchronized (errBytes) {
                return errBytes.toString(StandardCharsets.UTF_8);
            }
        }

        Matcher awaitMatchLine() throws Exception {
            Matcher[] found = new Matcher[1];
            Await.until("the host printed its match line", () -> {
                Matcher m = MATCH_LINE.matcher(out());
                if (m.find()) {
                    found[0] = m;
                }
                return found[0] != null || exit.isDone();
            }, () -> out() + err());
            assertTrue(found[0] != null, "the command ended early: " + out() + err());
            return found[0];
        }
    }

    private Background runInBackground(List<String> args) {
        Background b = new Background();
        Thread t = new Thread(() -> {
            try (PrintStream o = new PrintStream(new Synced(b.outBytes), true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(new Synced(b.errBytes), true, StandardCharsets.UTF_8)) {
                b.exit.complete(command().run(args, o, e, b.stop));
            } catch (Throwable x) {
                b.exit.completeExceptionally(x);
            }
        }, "host-command");
        t.start();
        open.add(() -> {
            b.stop.countDown();
            b.exit.get(30, TimeUnit.SECONDS);
        });
        return b;
    }

    /** an output stream writing into a buffer that readers lock */
    private static final class Synced extends java.io.OutputStream {
        private final ByteArrayOutputStream target;

        Synced(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (target) {
                target.write(b, off, len);
            }
        }
    }
}
