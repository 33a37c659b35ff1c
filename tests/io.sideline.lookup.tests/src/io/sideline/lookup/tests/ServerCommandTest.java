package io.sideline.lookup.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

import io.sideline.cli.Command;
import io.sideline.cli.internal.CommandDispatcher;

/**
 * {@code ./sideline server} as a person at a terminal meets it: listed by {@code help}, and a wrong
 * command line answered with exit code 2, what is wrong, and the usage. No test here starts a server
 * that keeps running.
 */
class ServerCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int sideline(String... args) {
        BundleContext context = FrameworkUtil.getBundle(ServerCommandTest.class).getBundleContext();
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
    void helpListsTheServerCommandWithItsSummary() {
        assertEquals(Command.EXIT_OK, sideline("help"));
        assertTrue(out().lines().anyMatch(l -> l.strip().startsWith("server ") && l.contains("run a lookup server")),
                out());
    }

    @Test
    void helpServerShowsItsOptionsAndAnExample() {
        assertEquals(Command.EXIT_OK, sideline("help", "server"));
        for (String option : List.of("--port", "--host", "--data", "--jdbc-url", "--jdbc-user", "--max-open-matches",
                "--max-matches-per-day", "--max-registrations", "--local-network", "example:")) {
            assertTrue(out().contains(option), option + " in " + out());
        }
    }

    @Test
    void serverHelpShowsTheUsageAndStartsNothing() {
        assertEquals(Command.EXIT_OK, sideline("server", "--help"));
        assertTrue(out().contains("usage: ./sideline server"), out());
        assertEquals("", err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--bogus x --data DATA         | unknown option --bogus",
            "--verbose                     | unknown option --verbose",
            "--port abc --data DATA        | --port must be a number, not \"abc\"",
            "--data DATA --port            | missing value after --port",
            "--port 8080 --data            | missing value after --data",
            "--data DATA --host            | missing value after --host",
            "--port 70000 --data DATA      | port must be between 0 and 65535",
            "--port -1 --data DATA         | port must be between 0 and 65535" })
    void aWrongCommandLineIsAUsageErrorThatSaysWhatIsWrong(String args, String problem) {
        List<String> line = new ArrayList<>(List.of("server"));
        for (String arg : args.split(" ")) {
            line.add(arg.equals("DATA") ? dir.resolve("data").toString() : arg); // never the working directory
        }

        assertEquals(Command.EXIT_USAGE, sideline(line.toArray(String[]::new)), err());
        assertTrue(err().contains("sideline server: " + problem), err());
        assertTrue(err().contains("usage: ./sideline server"), "the usage follows: " + err());
        assertEquals("", out(), "nothing started");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // only a guard: if the port were free, the server would run on
    void aPortThatIsTakenFailsWithExitCodeOneAndSaysWhy() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = sideline("server", "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()), "--data",
                    dir.resolve("data").toString());

            assertEquals(Command.EXIT_FAILURE, code, err());
            assertTrue(err().contains("sideline server: cannot listen on 127.0.0.1:" + taken.getLocalPort()), err());
        }
    }
}
