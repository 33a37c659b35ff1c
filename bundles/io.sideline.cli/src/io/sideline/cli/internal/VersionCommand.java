package io.sideline.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;

/** {@code ./sideline version}: what this installation is and what it runs on. */
@Component(service = Command.class)
public final class VersionCommand implements Command {

    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax();

    private final BundleContext context;

    @Activate
    public VersionCommand(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "print the Sideline, Java and OSGi framework versions";
    }

    @Override
    public String usage() {
        return "usage: ./sideline version";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (SYNTAX.parse(args).help()) {
                out.println(usage());
                return EXIT_OK;
            }
        } catch (UsageException e) {
            return e.report(this, err);
        }
        out.println("Sideline " + context.getBundle().getVersion());
        out.println("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
        out.println("OSGi " + context.getProperty(Constants.FRAMEWORK_VENDOR) + " "
                + context.getProperty(Constants.FRAMEWORK_VERSION));
        return EXIT_OK;
    }
}
