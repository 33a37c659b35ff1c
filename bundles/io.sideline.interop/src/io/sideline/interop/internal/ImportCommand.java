package io.sideline.interop.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;
import io.sideline.interop.Format;
import io.sideline.interop.ImportOptions;
import io.sideline.interop.Interop;
import io.sideline.interop.InteropException;
import io.sideline.interop.Progress;
import io.sideline.peer.SavedMatch;
import io.sideline.protocol.Accepted;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportRegistry;

/** {@code ./sideline import FILE --out MATCH}: a Sportscode, StatsBomb or Sideline file becomes a Sideline match. */
@Component(service = Command.class)
public final class ImportCommand implements Command {

    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax()
            .option("--out", "--kickoff", "--sport", "--lead").flag("--force").positionals();

    @Reference
    private SportRegistry sports;

    @Override
    public String name() {
        return "import";
    }

    @Override
    public String summary() {
        return "import a Sportscode XML or StatsBomb events file as a Sideline match";
    }

    @Override
    public String usage() {
        return """
                usage: ./sideline import FILE --out MATCH [options]

                Reads a Hudl Sportscode XML file or a StatsBomb events file (the format is recognised from the
                content) and writes it as a Sideline match, which the workbench opens for review
                (File > Open Match) and ./sideline export exports. The whole file is checked first: a bad file
                is refused with its line and place, and nothing is written.

                  --out MATCH       the Sideline match file to write
                  --kickoff TIME    when the match (StatsBomb) or the video (Sportscode) started, e.g.
                                    2021-06-11T19:00:00Z or 2021-06-11T21:00 (local); match times do not
                                    depend on it (default: none, 2000-01-01T00:00:00Z)
                  --sport ID        the sport of a Sportscode file's match, e.g. football: the review then
                                    scores it by that sport's rules (StatsBomb files are football)
                  --lead SECONDS    how long before its moment a Sportscode instance starts (default: the
                                    sport's clip lead, else 5)
                  --force           replace MATCH if it exists

                example: ./sideline import examples/data/statsbomb/3788741_events.json --out turkey-italy.sideline
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandLine line;
        try {
            line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            if (line.positionals().size() != 1) {
                throw new UsageException(line.positionals().isEmpty() ? "name the file to import"
                        : "import one file at a time (got " + line.positionals() + ")");
            }
            line.required("--out", "say where the match goes with --out MATCH");
        } catch (UsageException e) {
            return e.report(this, err);
        }
        Path in = Path.of(line.positionals().get(0));
        Path target = Path.of(line.string("--out"));
        String problem = CommandSupport.filesProblem(in, "file", target, line.flag("--force"));
        if (problem != null) {
            err.println("sideline import: " + problem);
            return EXIT_FAILURE;
        }
        ImportOptions options = ImportOptions.defaults();
        Duration lead;
        try {
            Instant kickoff = CommandSupport.instant(line, "--kickoff");
            if (kickoff != null) {
                if (!ImportOptions.validKickoff(kickoff)) {
                    throw new UsageException("--kickoff " + line.string("--kickoff") + " is not between 2000 and 2098");
                }
                options = options.withKickoff(kickoff);
            }
            lead = CommandSupport.seconds(line, "--lead");
        } catch (UsageException e) {
            return e.report(this, err);
        }
        String sportId = line.string("--sport");
        if (sportId != null) {
            Sport sport = sports.find(sportId).orElse(null);
            if (sport == null) {
                err.println("sideline import: no sport \"" + sportId + "\" is installed; ./sideline sports lists them");
                return EXIT_FAILURE;
            }
            options = options.withSport(sportId).withClipLead(sport.clipLead());
        }
        if (lead != null) {
            options = options.withClipLead(lead);
        }
        Format format;
        SavedMatch match;
        try {
            format = Interop.detect(in);
            match = Interop.importFile(in, options, Progress.NONE);
            match.write(target);
        } catch (IOException e) {
            err.println("sideline import: " + (e instanceof InteropException || e.getMessage() != null
                    && e.getMessage().contains(in.toString()) ? e.getMessage() : in + ": " + e));
            err.println("sideline import: nothing was written");
            return EXIT_FAILURE;
        }
        long events = match.toTimeline().latest().stream().filter(m -> m.status() != Accepted.Status.RETRACTED).count();
        out.println("imported " + format.label() + " " + in + " into " + target + ": "
                + (match.setup().name() != null ? match.setup().name() + ", " : "") + events + " events, "
                + match.setup().origins().size() + (match.setup().origins().size() == 1 ? " team" : " teams") + ", "
                + match.setup().actions().size() + " actions");
        return EXIT_OK;
    }
}
