package io.sideline.interop.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.sideline.cli.Command;
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
        if (args.contains("--help") || args.contains("-h")) {
            out.println(usage());
            return EXIT_OK;
        }
        Args a;
        try {
            a = new Args(args, Set.of("--out", "--kickoff", "--sport", "--lead"), Set.of("--force"));
            if (a.positional.size() != 1) {
                throw new Args.UsageException(a.positional.isEmpty() ? "name the file to import"
                        : "import one file at a time (got " + a.positional + ")");
            }
            if (a.get("--out") == null) {
                throw new Args.UsageException("say where the match goes with --out MATCH");
            }
        } catch (Args.UsageException e) {
            err.println("sideline import: " + e.getMessage());
            err.println(usage());
            return EXIT_USAGE;
        }
        Path in = Path.of(a.positional.get(0));
        Path target = Path.of(a.get("--out"));
        String problem = a.filesProblem(in, "file", target);
        if (problem != null) {
            err.println("sideline import: " + problem);
            return EXIT_FAILURE;
        }
        ImportOptions options = ImportOptions.defaults();
        Duration lead;
        try {
            if (a.instant("--kickoff") != null) {
                if (!ImportOptions.validKickoff(a.instant("--kickoff"))) {
                    throw new Args.UsageException("--kickoff " + a.get("--kickoff") + " is not between 2000 and 2098");
                }
                options = options.withKickoff(a.instant("--kickoff"));
            }
            lead = a.seconds("--lead");
        } catch (Args.UsageException e) {
            err.println("sideline import: " + e.getMessage());
            err.println(usage());
            return EXIT_USAGE;
        }
        String sportId = a.get("--sport");
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
