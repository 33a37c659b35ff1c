package io.sideline.cli.internal;

import java.io.PrintStream;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;

/** {@code ./sideline help [COMMAND]}: lists the commands, or shows one command's usage. */
@Component(service = Command.class)
public final class HelpCommand implements Command {

    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax().positionals();

    private final CommandRegistry registry;

    @Activate
    public HelpCommand(BundleContext context) {
        this.registry = new CommandRegistry(context);
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "list the commands, or show how to use one";
    }

    @Override
    public String usage() {
        return "usage: ./sideline help [COMMAND]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> names;
        try {
            CommandLine line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            names = line.positionals();
            if (names.size() > 1) {
                throw new UsageException("name one command (got " + names + ")");
            }
        } catch (UsageException e) {
            return e.report(this, err);
        }
        if (!names.isEmpty()) {
            Command c = registry.find(names.get(0));
            if (c == null) {
                err.println("sideline help: no command '" + names.get(0) + "'");
                return EXIT_USAGE;
            }
            out.println(c.usage());
            return EXIT_OK;
        }
        out.println("usage: ./sideline                 open the Sideline workbench");
        out.println("       ./sideline COMMAND [ARGS]  run a command without a window");
        out.println();
        out.println("Commands:");
        List<Command> all = registry.all();
        int width = all.stream().mapToInt(c -> c.name().length()).max().orElse(4);
        for (Command c : all) {
            out.printf("  %-" + width + "s  %s%n", c.name(), c.summary());
        }
        out.println();
        out.println("./sideline help COMMAND shows a command's options.");
        return EXIT_OK;
    }
}
