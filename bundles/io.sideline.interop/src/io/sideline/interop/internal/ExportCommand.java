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
import io.sideline.interop.Interop;
import io.sideline.interop.Sportscode;
import io.sideline.interop.SportscodeFile;
import io.sideline.peer.SavedMatch;
import io.sideline.peer.TimelineCsv;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportRegistry;

/** {@code ./sideline export MATCH --format sportscode|csv --out FILE}. */
@Component(service = Command.class)
public final class ExportCommand implements Command {

    private static final Duration DEFAULT_CLIP = Duration.ofSeconds(5);
    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax()
            .option("--format", "--out", "--video-start", "--lead", "--lag").flag("--force").positionals();

    @Reference
    private SportRegistry sports;

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "export a Sideline match as Sportscode XML or CSV";
    }

    @Override
    public String usage() {
        return """
                usage: ./sideline export MATCH --format sportscode|csv --out FILE [options]

                Exports a Sideline match (a match file the workbench saved or ./sideline import wrote, or a
                host's journal) for other tools:
                  sportscode  Hudl Sportscode XML: one instance per event (code = action; labels Team, Player
                              and the event's qualifiers), from its time less the sport's clip lead to its
                              time plus its clip lag; retracted events are left out
                  csv         one row per version of each event, RFC 4180, UTF-8: id, version, seq,
                              match_time, period, origin, action, player, votes, confidence, status

                  --format F          sportscode or csv
                  --out FILE          the file to write (written whole or not at all)
                  --video-start TIME  sportscode: when the video starts, e.g. 2021-06-11T18:59:30Z (default:
                                      the first clip starts at 0)
                  --lead SECONDS      sportscode: video before an event's moment (default: the sport's)
                  --lag SECONDS       sportscode: video after it (default: the sport's)
                  --force             replace FILE if it exists

                example: ./sideline export turkey-italy.sideline --format sportscode --out turkey-italy.xml
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        CommandLine line;
        Format format;
        Instant videoStart;
        Duration lead;
        Duration lag;
        try {
            line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            if (line.positionals().size() != 1) {
                throw new UsageException(line.positionals().isEmpty() ? "name the match to export"
                        : "export one match at a time (got " + line.positionals() + ")");
            }
            String formatId = line.required("--format", "choose the format with --format sportscode or --format csv");
            format = Format.byId(formatId);
            if (format == null || !format.canExport()) {
                throw new UsageException("cannot export as \"" + formatId + "\"; the formats are sportscode and csv");
            }
            line.required("--out", "say where the file goes with --out FILE");
            videoStart = CommandSupport.instant(line, "--video-start");
            lead = CommandSupport.seconds(line, "--lead");
            lag = CommandSupport.seconds(line, "--lag");
        } catch (UsageException e) {
            return e.report(this, err);
        }
        Path in = Path.of(line.positionals().get(0));
        Path target = Path.of(line.string("--out"));
        String problem = CommandSupport.filesProblem(in, "match file", target, line.flag("--force"));
        if (problem != null) {
            err.println("sideline export: " + problem);
            return EXIT_FAILURE;
        }
        SavedMatch match;
        try {
            match = SavedMatch.read(in);
        } catch (IOException e) {
            err.println("sideline export: " + e.getMessage());
            return EXIT_FAILURE;
        }
        Sport sport = sports.find(match.setup().sport()).orElse(null);
        if (format == Format.SPORTSCODE) {
            Duration l = lead != null ? lead : sport != null ? sport.clipLead() : DEFAULT_CLIP;
            Duration g = lag != null ? lag : sport != null ? sport.clipLag() : DEFAULT_CLIP;
            SportscodeFile file = Sportscode.fromMatch(match, videoStart, l, g);
            file.write(target);
            out.println("exported " + file.instances().size() + " instances (" + file.rows().size() + " codes) to "
                    + target);
        } else {
            Interop.exportCsv(match, sport, target);
            out.println("exported " + TimelineCsv.rows(match.messages(), (java.time.Instant) null).size() + " rows to " + target);
        }
        return EXIT_OK;
    }
}
