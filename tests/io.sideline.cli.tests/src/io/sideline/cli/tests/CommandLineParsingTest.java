package io.sideline.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;
import io.sideline.cli.internal.CommandDispatcher;

/**
 * {@link CommandLine}, the one parser of every {@code ./sideline} command: both option forms, and each way a
 * command line can be wrong, refused with a message that names the option.
 */
class CommandLineParsingTest {

    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax()
            .option("--port", "--host", "--out", "--fraction", "--mode", "--start", "--data")
            .repeatable("--peer").flag("--force", "--register").positionals();
    private static final CommandLine.Syntax NO_POSITIONALS = CommandLine.syntax().option("--port").flag("--force");

    private static CommandLine parse(String... args) throws UsageException {
        return SYNTAX.parse(List.of(args));
    }

    /** @return the message of the usage error that {@code args} (words split at spaces) cause */
    private static String problem(CommandLine.Syntax syntax, String args) {
        List<String> list = args.isBlank() ? List.of() : List.of(args.strip().split(" +"));
        return assertThrows(UsageException.class, () -> syntax.parse(list), args).getMessage();
    }

    // ------------------------------------------------------------------------------------ what is read

    @Test
    void anOptionTakesItsValueAfterASpaceOrAnEqualsSign() throws UsageException {
        CommandLine spaced = parse("--port", "8080", "--host", "127.0.0.1");
        CommandLine joined = parse("--port=8080", "--host=127.0.0.1");

        for (CommandLine line : List.of(spaced, joined)) {
            assertEquals(8080, line.integer("--port", 1));
            assertEquals("127.0.0.1", line.string("--host"));
        }
    }

    @Test
    void aValueMayContainEqualsSignsOrStartWithADash() throws UsageException {
        CommandLine line = parse("--out=jdbc:h2:x;MODE=PostgreSQL", "--host", "-3", "--mode=", "--start",
                "--enable-preview");

        assertEquals("jdbc:h2:x;MODE=PostgreSQL", line.string("--out"), "split at the first = only");
        assertEquals("-3", line.string("--host"), "a value that is not one of the command's options is the value");
        assertEquals("--enable-preview", line.string("--start"), "a JVM option, say");
        assertEquals("", line.string("--mode"));
    }

    @Test
    void absentOptionsGiveTheCommandsDefaults() throws UsageException {
        CommandLine line = parse();

        assertNull(line.string("--host"));
        assertEquals("0.0.0.0", line.string("--host", "0.0.0.0"));
        assertEquals(7070, line.integer("--port", 7070, 0, 65_535));
        assertEquals(0.4, line.decimal("--fraction", 0.4, 0, 1));
        assertEquals(Path.of("data"), line.path("--data", Path.of("data")));
        assertEquals("sideline", line.choice("--mode", "sideline", "sideline", "jetty"));
        assertEquals(List.of(), line.all("--peer"));
        assertFalse(line.flag("--force"));
        assertFalse(line.has("--port"));
        assertFalse(line.help());
        assertEquals(List.of(), line.positionals());
    }

    @Test
    void flagsRepeatedOptionsAndPositionalsAreReadInOrder() throws UsageException {
        CommandLine line = parse("a.json", "--peer", "ana", "--force", "--peer=ben", "b.json", "--force");

        assertTrue(line.flag("--force"), "a flag given twice means the same");
        assertTrue(line.has("--force"));
        assertFalse(line.flag("--register"));
        assertEquals(List.of("ana", "ben"), line.all("--peer"));
        assertEquals(List.of("a.json", "b.json"), line.positionals());
    }

    @Test
    void afterADoubleDashEverythingIsPositionalAndALoneDashIsOne() throws UsageException {
        CommandLine line = parse("-", "--force", "--", "--port", "-h", "-x");

        assertTrue(line.flag("--force"));
        assertFalse(line.has("--port"));
        assertFalse(line.help(), "-h after -- is a file's name");
        assertEquals(List.of("-", "--port", "-h", "-x"), line.positionals());
    }

    @Test
    void valuesAreConvertedAsTheCommandAsks() throws UsageException {
        CommandLine line = parse("--port", "0", "--fraction", "0.5", "--mode", "jetty", "--start",
                "2021-06-11T19:00:00Z", "--data", "journals");

        assertEquals(0, line.integer("--port", 7070, 0, 65_535));
        assertEquals(0.5, line.decimal("--fraction", 0, 0, 1));
        assertEquals("jetty", line.choice("--mode", "sideline", "sideline", "jetty"));
        assertEquals(Instant.parse("2021-06-11T19:00:00Z"), line.value("--start", null, Instant::parse, "a time"));
        assertEquals(Path.of("journals"), line.path("--data", null));
        assertEquals("0", line.required("--port"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--help                          ",
            "-h                              ",
            "--bogus --help                  ",
            "--port abc -h                   ",
            "--port 1 --port 2 --help        ",
            "--help --port                   " })
    void helpAnywhereAsksForTheUsageWhateverElseIsWrong(String args) throws UsageException {
        assertTrue(SYNTAX.parse(List.of(args.strip().split(" +"))).help(), args);
        assertTrue(NO_POSITIONALS.parse(List.of(args.strip().split(" +"))).help(), args);
    }

    // ------------------------------------------------------------------------------------ what is refused

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--bogus                         | unknown option --bogus",
            "--bogus=1                       | unknown option --bogus",
            "-x                              | unknown option -x",
            "---port 1                       | unknown option ---port",
            "--Port 1                        | unknown option --Port",
            "--port                          | missing value after --port",
            "--out x --port                  | missing value after --port",
            "--port --host 127.0.0.1         | missing value after --port",
            "--port --help=x                 | missing value after --port",
            "--port 1 --port 2               | --port is given twice",
            "--port=1 --port 2               | --port is given twice",
            "--port 1 --port=1               | --port is given twice",
            "--force=yes                     | --force takes no value",
            "--help=yes                      | --help takes no value",
            "--bogus --port                  | unknown option --bogus" })
    void aWrongCommandLineIsRefusedWithItsFirstProblem(String args, String problem) {
        assertEquals(problem, problem(SYNTAX, args));
    }

    @Test
    void anArgumentThatIsNotAnOptionIsRefusedWhenTheCommandTakesNone() {
        assertEquals("unexpected argument \"8080\"", problem(NO_POSITIONALS, "8080"));
        assertEquals("unexpected argument \"x\"", problem(NO_POSITIONALS, "--force x"));
        assertEquals("unexpected argument \"--port\"", problem(NO_POSITIONALS, "-- --port"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port abc     | --port must be a number, not \"abc\"",
            "--port 1.5     | --port must be a number, not \"1.5\"" })
    void aNumberThatIsNotOneIsRefused(String args, String problem) throws UsageException {
        CommandLine line = SYNTAX.parse(List.of(args.split(" +")));
        assertEquals(problem, assertThrows(UsageException.class, () -> line.integer("--port", 0)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--port 70000     | --port must be a whole number from 0 to 65535, not \"70000\"",
            "--port -1        | --port must be a whole number from 0 to 65535, not \"-1\"",
            "--port x         | --port must be a whole number from 0 to 65535, not \"x\"" })
    void aNumberOutOfItsRangeIsRefused(String args, String problem) throws UsageException {
        CommandLine line = SYNTAX.parse(List.of(args.split(" +")));
        assertEquals(problem, assertThrows(UsageException.class, () -> line.integer("--port", 0, 0, 65_535))
                .getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--fraction 1.5   | --fraction must be a number from 0 to 1, not \"1.5\"",
            "--fraction NaN   | --fraction must be a number from 0 to 1, not \"NaN\"",
            "--fraction half  | --fraction must be a number from 0 to 1, not \"half\"" })
    void aDecimalOutOfItsRangeIsRefused(String args, String problem) throws UsageException {
        CommandLine line = SYNTAX.parse(List.of(args.split(" +")));
        assertEquals(problem, assertThrows(UsageException.class, () -> line.decimal("--fraction", 0, 0, 1))
                .getMessage());
        assertEquals("--fraction must be a number, not \"half\"",
                assertThrows(UsageException.class, () -> parse("--fraction", "half").decimal("--fraction", 0))
                        .getMessage());
    }

    @Test
    void aValueTheCommandCannotConvertIsRefusedWithWhatItMustBe() throws UsageException {
        CommandLine line = parse("--mode", "fast", "--start", "tonight");

        assertEquals("--mode must be one of sideline, jetty, not \"fast\"", assertThrows(UsageException.class,
                () -> line.choice("--mode", "sideline", "sideline", "jetty")).getMessage());
        assertEquals("--start must be an ISO-8601 time, not \"tonight\"", assertThrows(UsageException.class,
                () -> line.value("--start", null, Instant::parse, "an ISO-8601 time")).getMessage());
    }

    @Test
    void aRequiredOptionThatIsMissingOrBlankIsRefused() throws UsageException {
        assertEquals("missing --out", assertThrows(UsageException.class, () -> parse().required("--out"))
                .getMessage());
        assertEquals("missing --out", assertThrows(UsageException.class, () -> parse("--out", " ").required("--out"))
                .getMessage());
        assertEquals("say where the match goes with --out MATCH", assertThrows(UsageException.class,
                () -> parse().required("--out", "say where the match goes with --out MATCH")).getMessage());
    }

    @Test
    void askingForAnOptionTheCommandDidNotDeclareIsAProgrammingError() throws UsageException {
        CommandLine line = parse();

        assertThrows(IllegalArgumentException.class, () -> line.string("--prot"));
        assertThrows(IllegalArgumentException.class, () -> line.flag("--port"), "--port takes a value");
        assertThrows(IllegalArgumentException.class, () -> line.string("--force"), "--force is a flag");
        assertThrows(IllegalArgumentException.class, () -> line.string("--peer"), "--peer is read with all()");
        assertThrows(IllegalArgumentException.class, () -> CommandLine.syntax().option("port"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.syntax().option("--port").flag("--port"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.syntax().flag("--help"));
        assertThrows(IllegalArgumentException.class, () -> CommandLine.syntax().option("--a=b"));
    }

    // ------------------------------------------------------------------------------------ what the user sees

    private static final Command EXAMPLE = new Command() {
        @Override
        public String name() {
            return "example";
        }

        @Override
        public String summary() {
            return "an example";
        }

        @Override
        public String usage() {
            return "usage: ./sideline example [--port PORT]\n";
        }

        @Override
        public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
            CommandLine line = NO_POSITIONALS.parse(args); // lets its usage error through to the dispatcher
            out.println(line.integer("--port", 1));
            return EXIT_OK;
        }
    };

    @Test
    void aUsageErrorIsOneLineNamingTheCommandThenItsUsageAndExitCodeTwo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = new UsageException("unknown option --bogus").report(EXAMPLE, e);
        }

        assertEquals(Command.EXIT_USAGE, exit);
        assertEquals("sideline example: unknown option --bogus\nusage: ./sideline example [--port PORT]\n\n",
                err.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aUsageErrorACommandLetsThroughStillExitsWithTwoAndTheUsage() {
        BundleContext context = FrameworkUtil.getBundle(CommandLineParsingTest.class).getBundleContext();
        ServiceRegistration<Command> reg = context.registerService(Command.class, EXAMPLE, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertEquals(Command.EXIT_USAGE, CommandDispatcher.run(context, List.of("example", "--port=x"), o, e));
            assertEquals(Command.EXIT_OK, CommandDispatcher.run(context, List.of("example", "--port=7"), o, e));
        } finally {
            reg.unregister();
        }

        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.startsWith("sideline example: --port must be a number, not \"x\"" + System.lineSeparator()
                + "usage: ./sideline example"), said);
        assertEquals("7", out.toString(StandardCharsets.UTF_8).strip());
    }
}
