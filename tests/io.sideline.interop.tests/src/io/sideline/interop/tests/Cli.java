package io.sideline.interop.tests;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

import io.sideline.cli.Command;
import io.sideline.sport.api.Sport;

/** Runs {@code ./sideline COMMAND ARGS…} as the launcher does: the command is the OSGi service of that name. */
final class Cli {

    private static final long WAIT_NANOS = 30_000_000_000L;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** @return the exit code of {@code ./sideline command args…}; out and err collect what it printed */
    int run(String command, String... args) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(Cli.class).getBundleContext();
        ServiceTracker<Command, Command> commands = new ServiceTracker<>(context, Command.class, null);
        ServiceTracker<Sport, Sport> sports = new ServiceTracker<>(context, Sport.class, null);
        commands.open();
        sports.open();
        try {
            Command c = await(commands, command);
            await(sports, "football"); // the commands look the match's sport up among the installed ones
            try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                return c.run(List.of(args), o, e);
            }
        } finally {
            sports.close();
            commands.close();
        }
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Declarative services register the bundles' components as the framework starts them: wait for this one. */
    private static <T> T await(ServiceTracker<T, T> tracker, String name) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            for (T service : tracker.getTracked().values()) {
                String id = service instanceof Command c ? c.name() : ((Sport) service).id();
                if (id.equals(name)) {
                    return service;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no service named " + name + " is registered");
            }
            Thread.sleep(20);
        }
    }
}
