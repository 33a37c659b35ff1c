package io.sideline.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.BundleContext;

import io.sideline.cli.Command;
import io.sideline.cli.UsageException;

/** Runs one command line against the {@link Command} services of a framework. */
public final class CommandDispatcher {

    private CommandDispatcher() {
    }

    /**
     * Runs one command line: the part of the application that needs no Equinox application context.
     *
     * @return the exit code
     */
    public static int run(BundleContext context, List<String> args, PrintStream out, PrintStream err) {
        CommandRegistry registry = new CommandRegistry(context);
        List<String> rest = new ArrayList<>(args);
        String name = rest.isEmpty() ? "help" : rest.remove(0);
        if (name.equals("-h") || name.equals("--help")) {
            name = "help";
        }
        Command command = registry.find(name);
        if (command == null) {
            err.println("sideline: unknown command '" + name + "'. Commands: " + String.join(", ", registry.names())
                    + ". Try: ./sideline help");
            return Command.EXIT_USAGE;
        }
        try {
            return command.run(rest, out, err);
        } catch (UsageException e) {
            return e.report(command, err); // a command that let its usage error through: still exit 2 and the usage
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            err.println("sideline " + name + ": " + message);
            return Command.EXIT_FAILURE;
        } catch (LinkageError | StackOverflowError | OutOfMemoryError e) {
            // a broken installation or an exhausted JVM: say so, and fail, rather than exit 0 with a log entry
            err.println("sideline " + name + ": internal error: " + e);
            return Command.EXIT_FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

}
