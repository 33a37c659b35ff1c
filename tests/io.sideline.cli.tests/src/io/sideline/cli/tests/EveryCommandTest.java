package io.sideline.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

import io.sideline.cli.Command;
import io.sideline.cli.internal.CommandDispatcher;

/**
 * Every command of {@code ./sideline}, run as the launcher runs it (through the dispatcher, found as an OSGi
 * service), keeps the one rule of {@link io.sideline.cli.CommandLine}: an unknown option is refused with one line
 * that names it, then the command's usage, and exit code 2, before the command does anything. This bundle's
 * manifest imports a package of each bundle that has commands, so that all of them are in the test runtime.
 */
class EveryCommandTest {

    /** every command the product has; a new one is added here, and {@link #noCommandIsLeftOut} says so */
    private static final List<String> COMMANDS = List.of("bench", "bench-server", "check", "export", "help", "host",
            "import", "replay", "server", "sports", "version");

    private static final long WAIT_NANOS = 30_000_000_000L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    /** the command's usage just before and just after it ran (host's names the sports installed at the time) */
    private final List<String> usage = new ArrayList<>();

    private static BundleContext context() {
        return FrameworkUtil.getBundle(EveryCommandTest.class).getBundleContext();
    }

    /** Declarative Services registers the bundles' commands as the framework starts them: wait for this one. */
    private static Command command(String name) throws InterruptedException, InvalidSyntaxException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            for (ServiceReference<Command> r : context().getServiceReferences(Command.class, null)) {
                Command c = context().getService(r);
                if (c != null && c.name().equals(name)) {
                    return c;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no command " + name + " is registered");
            }
            Thread.sleep(20);
        }
    }

    private int sideline(String... args) throws Exception {
        Command command = command(args[0]);
        usage.add(command.usage().strip());
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return CommandDispatcher.run(context(), List.of(args), o, e);
        } finally {
            usage.add(command.usage().strip());
        }
    }

    private void assertUsage(String text) {
        assertTrue(usage.contains(text.strip()), "the usage, and nothing else: " + text);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noCommandIsLeftOut() throws Exception {
        for (String name : COMMANDS) {
            command(name);
        }
        TreeSet<String> registered = new TreeSet<>();
        for (ServiceReference<Command> r : context().getServiceReferences(Command.class, null)) {
            registered.add(context().getService(r).name());
        }
        assertEquals(new TreeSet<>(COMMANDS), registered, "the commands of the product, each tested below");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bench", "bench-server", "check", "export", "help", "host", "import", "replay", "server",
            "sports", "version" })
    void anUnknownOptionIsRefusedWithOneLineNamingItTheUsageAndExitCodeTwo(String name) throws Exception {
        int exit = sideline(name, "--bogus");

        assertEquals(Command.EXIT_USAGE, exit, err());
        List<String> lines = err().lines().toList();
        assertEquals("sideline " + name + ": unknown option --bogus", lines.get(0), err());
        assertUsage(String.join("\n", lines.subList(1, lines.size())));
        assertEquals("", out(), "nothing ran");
    }

    @ParameterizedTest
    @ValueSource(strings = { "bench", "bench-server", "check", "export", "help", "host", "import", "replay", "server",
            "sports", "version" })
    void theUnknownOptionIsRefusedWhereverItStandsAndInEitherForm(String name) throws Exception {
        List<String> args = new ArrayList<>(List.of(name, "x.json"));
        args.add(1, "--bogus=1");

        assertEquals(Command.EXIT_USAGE, sideline(args.toArray(String[]::new)), err());
        assertTrue(err().startsWith("sideline " + name + ": unknown option --bogus" + System.lineSeparator()), err());
    }

    @ParameterizedTest
    @ValueSource(strings = { "bench", "bench-server", "check", "export", "help", "host", "import", "replay", "server",
            "sports", "version" })
    void helpShowsTheUsageAndRunsNothing(String name) throws Exception {
        assertEquals(Command.EXIT_OK, sideline(name, "--help"), err());

        assertUsage(out().replace(System.lineSeparator(), "\n"));
        assertEquals("", err());
    }

    /** bench-server used to ignore what it did not know, and start its servers anyway */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--mode jetty --verbose       | unknown option --verbose",
            "--data /tmp/x --mode         | missing value after --mode",
            "--mode bare                  | --mode must be one of sideline, jetty, hostile, not \"bare\"",
            "--mode jetty --mode sideline | --mode is given twice",
            "jetty                        | unexpected argument \"jetty\"" })
    void benchServerRefusesAWrongCommandLineInsteadOfStarting(String args, String problem) throws Exception {
        List<String> line = new ArrayList<>(List.of("bench-server"));
        line.addAll(List.of(args.strip().split(" +")));

        assertEquals(Command.EXIT_USAGE, sideline(line.toArray(String[]::new)), err());
        assertTrue(err().startsWith("sideline bench-server: " + problem + System.lineSeparator()
                + "usage: ./sideline bench-server"), err());
        assertEquals("", out(), "no ready line: nothing started");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bench --peers 1000,lots       | --peers must be a list such as 1000,10000, not \"1000,lots\"",
            "bench --only both             | --only must be one of sideline, jetty, hostile, not \"both\"",
            "bench --seconds               | missing value after --seconds",
            "replay x.json --reporters ten | --reporters must be a number, not \"ten\"",
            "replay x.json --jitter soon   | --jitter must be a time such as 5s, not \"soon\"",
            "replay x.json --seed 1 --seed 2 | --seed is given twice",
            "replay --virtual              | name the StatsBomb events file to replay",
            "replay a.json b.json          | replay one file at a time (got [a.json, b.json])",
            "sports --check                | name a file to check",
            "sports a.json                 | unexpected argument \"a.json\"; to check sport files, add --check",
            "check                         | name a file to check",
            "help host server              | name one command (got [host, server])",
            "version 2                     | unexpected argument \"2\"" })
    void aWrongValueOrArgumentIsRefusedWithWhatIsWrongAndTheUsage(String args, String problem) throws Exception {
        String[] line = args.strip().split(" +");

        assertEquals(Command.EXIT_USAGE, sideline(line), err());
        assertTrue(err().startsWith("sideline " + line[0] + ": " + problem + System.lineSeparator()
                + "usage: ./sideline " + line[0]), err());
        assertEquals("", out());
    }
}
