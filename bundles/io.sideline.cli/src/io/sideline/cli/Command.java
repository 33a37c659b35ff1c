package io.sideline.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * A sub-command of {@code ./sideline}, registered as an OSGi service. The command runs on the
 * application's thread; a long-running one (a server) blocks until it is stopped.
 */
public interface Command {

    /** exit code: done */
    int EXIT_OK = 0;
    /** exit code: the command ran and failed, or found problems */
    int EXIT_FAILURE = 1;
    /** exit code: the command line was wrong; the command printed its usage */
    int EXIT_USAGE = 2;

    /** @return the word that selects this command, lower case, for example {@code "server"} */
    String name();

    /** @return one line saying what the command does, for {@code ./sideline help} */
    String summary();

    /** @return the full usage text: synopsis, options and an example */
    String usage();

    /**
     * Runs the command. It reads {@code args} with {@link CommandLine} against the options it declares, so
     * that every command refuses an unknown option the same way.
     *
     * @param args the arguments after the command's name
     * @param out  where results go
     * @param err  where errors and progress go
     * @return the exit code, {@link #EXIT_OK} on success
     * @throws Exception on failure; the application prints its message (not a stack trace) and exits with 1,
     *                   or, for a {@link UsageException}, prints its message and the usage and exits with 2
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
