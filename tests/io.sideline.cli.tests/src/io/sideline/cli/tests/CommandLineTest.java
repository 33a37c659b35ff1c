package io.sideline.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.sideline.cli.Command;
import io.sideline.cli.internal.CommandDispatcher;

/**
 * The headless entry point behind {@code ./sideline COMMAND}: commands are found as OSGi services, run,
 * and their exit codes and messages are what a person at a terminal needs.
 */
class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int sideline(String... args) {
        BundleContext context = FrameworkUtil.getBundle(CommandLineTest.class).getBundleContext();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return CommandDispatcher.run(context, List.of(args), o, e);
        }
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommandsThatBundlesRegisterAsServices() {
        assertEquals(Command.EXIT_OK, sideline("help"));

        assertTrue(out().contains("check"), out());
        assertTrue(out().contains("version"), out());
        assertTrue(out().contains("validate protocol messages"), "each command has its one-line summary: " + out());
    }

    @Test
    void noArgumentsShowsHelp() {
        assertEquals(Command.EXIT_OK, sideline());
        assertTrue(out().contains("Commands:"), out());
    }

    @Test
    void anUnknownCommandIsAUsageErrorThatListsTheRealOnes() {
        assertEquals(Command.EXIT_USAGE, sideline("serve"));

        assertTrue(err().contains("unknown command 'serve'"), err());
        assertTrue(err().contains("check"), "the message lists the commands there are: " + err());
    }

    @Test
    void versionNamesSidelineAndJava() {
        assertEquals(Command.EXIT_OK, sideline("version"));
        assertTrue(out().startsWith("Sideline 0."), out());
        assertTrue(out().contains("Java " + System.getProperty("java.version")), out());
    }

    @Test
    void checkAcceptsTheDesignsOwnSamples() throws Exception {
        Path report = Files.writeString(dir.resolve("report.json"), """
                {
                    "time": 1623438000000,
                    "token": "6f1c2a9e-3b7d-4e2a-9c41-0d5b7e8f1a23",
                    "event": {
                        "type": "event",
                        "title": "Goal",
                        "origin": "Italy",
                        "time": 1623441120000
                    }
                }
                """);
        Path setup = Files.writeString(dir.resolve("setup.json"),
                "{\"type\": \"setup\", \"origins\": [\"Turkey\", \"Italy\"], \"actions\": [\"Goal\", \"Foul\"]}\n");

        assertEquals(Command.EXIT_OK, sideline("check", report.toString(), setup.toString()), out() + err());

        assertTrue(out().contains(report + ": ok (event)"), out());
        assertTrue(out().contains(setup + ": ok (setup)"), out());
        assertTrue(out().contains("2 valid, 0 refused"), out());
    }

    @Test
    void checkNamesTheLineTheFieldAndTheProblemOfEachBadMessage() throws Exception {
        Path lines = Files.writeString(dir.resolve("session.jsonl"), """
                {"type": "hello", "token": "abc"}
                {"type": "event", "time": 1623438000000, "token": "abc", "event": {"origin": "Italy", "time": 1623438000000}}
                {"type": "heartbeat", "time": 1623438000}
                {"type": "goal"}
                """);

        assertEquals(Command.EXIT_FAILURE, sideline("check", lines.toString()));

        String o = out();
        assertTrue(o.contains(lines + ":1: ok (hello)"), o);
        assertTrue(o.contains(lines + ":2: missing_field: \"event.title\" is missing"), o);
        assertTrue(o.contains(lines + ":3: out_of_range: \"time\" is 1623438000 (it looks like seconds"), o);
        assertTrue(o.contains(lines + ":4: unknown_type: \"type\" is \"goal\", an unknown message type"), o);
        assertTrue(o.contains("1 valid, 3 refused"), o);
    }

    @Test
    void checkSaysWhenAFileIsMissingAndFails() {
        assertEquals(Command.EXIT_FAILURE, sideline("check", dir.resolve("nope.json").toString()));
        assertTrue(err().contains("nope.json: no such file"), err());
    }

    @Test
    void checkWithoutFilesPrintsItsUsage() {
        assertEquals(Command.EXIT_USAGE, sideline("check"));
        assertTrue(err().contains("usage: ./sideline check FILE..."), err());
    }

    @Test
    void aCommandThatHitsABrokenInstallationFailsWithAMessageNotSilently() {
        BundleContext context = FrameworkUtil.getBundle(CommandLineTest.class).getBundleContext();
        org.osgi.framework.ServiceRegistration<Command> reg = context.registerService(Command.class, new Command() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public String summary() {
                return "fails as a missing class would";
            }

            @Override
            public String usage() {
                return "usage: ./sideline broken";
            }

            @Override
            public int run(List<String> args, PrintStream o, PrintStream e) {
                throw new NoClassDefFoundError("org/example/Missing");
            }
        }, null);
        try {
            assertEquals(Command.EXIT_FAILURE, sideline("broken"));
            assertTrue(err().contains("sideline broken: internal error: java.lang.NoClassDefFoundError: org/example/Missing"),
                    err());
        } finally {
            reg.unregister();
        }
    }
}
