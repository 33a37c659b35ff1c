package io.sideline.cli;

import java.io.PrintStream;

/**
 * A command line that is wrong: the message says how, in one line, for example {@code unknown option --bogus}.
 * {@link CommandLine} throws it; a command may throw it from its own checks too.
 */
public final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param problem what is wrong, one line, without the command's name */
    public UsageException(String problem) {
        super(problem);
    }

    /**
     * Tells the person at the terminal: {@code sideline NAME: PROBLEM}, then the command's usage.
     *
     * @return {@link Command#EXIT_USAGE}, for the command to return
     */
    public int report(Command command, PrintStream err) {
        err.println("sideline " + command.name() + ": " + getMessage());
        err.println(command.usage());
        return Command.EXIT_USAGE;
    }
}
