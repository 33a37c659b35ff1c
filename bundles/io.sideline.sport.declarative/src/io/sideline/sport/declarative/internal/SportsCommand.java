package io.sideline.sport.declarative.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;
import io.sideline.sport.api.Sport;
import io.sideline.sport.declarative.SportFile;
import io.sideline.sport.declarative.SportFileException;

/** {@code ./sideline sports}: the installed sports and the problems of sport files; {@code --check FILE} validates. */
@Component(service = Command.class)
public final class SportsCommand implements Command {

    /** {@code --check FILE...}: a flag, and the files to check are the positional arguments */
    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax().flag("--check").positionals();

    private BundleContext context;

    @Reference
    private DeclarativeSports declarative;

    @Activate
    void activate(BundleContext ctx) {
        this.context = ctx;
    }

    @Override
    public String name() {
        return "sports";
    }

    @Override
    public String summary() {
        return "list the installed sports and problems of sport files; check a sport file";
    }

    @Override
    public String usage() {
        return """
                usage: ./sideline sports [--check FILE.json...]

                Lists the installed sports (Java plugins and sport files) with their actions, then any sport
                file that could not be installed and why. Sport files dropped into the sports folder are
                picked up within seconds, without a restart.

                  --check FILE...   validate sport files without installing them; exits 1 when one is bad

                example: ./sideline sports --check volleyball.json
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        List<String> files;
        boolean check;
        try {
            CommandLine line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            check = line.flag("--check");
            files = line.positionals();
            if (check && files.isEmpty()) {
                throw new UsageException("name a file to check");
            }
            if (!check && !files.isEmpty()) {
                throw new UsageException("unexpected argument \"" + files.get(0)
                        + "\"; to check sport files, add --check");
            }
        } catch (UsageException e) {
            return e.report(this, err);
        }
        if (check) {
            int bad = 0;
            for (String file : files) {
                try {
                    Sport s = SportFile.read(Path.of(file));
                    out.println(file + ": ok: " + s.name() + " (" + s.id() + "), " + s.actions().size() + " actions");
                } catch (SportFileException e) {
                    out.println(e.getMessage());
                    bad++;
                }
            }
            return bad == 0 ? EXIT_OK : EXIT_FAILURE;
        }
        declarative.rescan();
        List<String[]> rows = new ArrayList<>();
        for (ServiceReference<Sport> r : context.getServiceReferences(Sport.class, null)) {
            Sport s = context.getService(r);
            if (s == null) {
                continue;
            }
            Object source = r.getProperty(DeclarativeSports.SOURCE_PROPERTY);
            rows.add(new String[] { s.id(), s.name(), Integer.toString(s.actions().size()),
                    source != null ? source.toString() : "plugin " + r.getBundle().getSymbolicName() });
            context.ungetService(r);
        }
        rows.sort(Comparator.comparing(r -> r[0]));
        out.printf("%-14s %-14s %7s  %s%n", "sport", "name", "actions", "from");
        for (String[] r : rows) {
            out.printf("%-14s %-14s %7s  %s%n", (Object[]) r);
        }
        out.println("sport files are also read from " + declarative.folder());
        Map<String, String> problems = declarative.problems();
        for (String p : problems.values()) {
            out.println("not installed: " + p);
        }
        return problems.isEmpty() ? EXIT_OK : EXIT_FAILURE;
    }
}
