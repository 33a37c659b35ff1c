package io.sideline.replay.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Component;

import io.sideline.cli.Command;
import io.sideline.cli.CommandLine;
import io.sideline.cli.UsageException;
import io.sideline.replay.Replay;
import io.sideline.replay.Score;
import io.sideline.replay.ReplayOptions;
import io.sideline.replay.Score;
import io.sideline.statsbomb.StatsBombMatch;

/** {@code ./sideline replay}: a real match through the vote, scored against its ground truth. */
@Component(service = Command.class)
public final class ReplayCommand implements Command {

    /** the kick-off of Turkey – Italy, UEFA Euro 2020 (the bundled example): 11 June 2021, 21:00 in Rome */
    static final Instant EURO_2020_OPENER = Instant.parse("2021-06-11T19:00:00Z");

    private static final CommandLine.Syntax SYNTAX = CommandLine.syntax()
            .option("--reporters", "--miss", "--wrong-origin", "--jitter", "--liars", "--quorum", "--fraction",
                    "--speed", "--seed", "--kickoff")
            .flag("--virtual", "--explain").positionals();

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String summary() {
        return "replay a StatsBomb match through simulated peers and score the vote against the truth";
    }

    @Override
    public String usage() {
        return """
                usage: ./sideline replay FILE.json [options]

                Reads a StatsBomb events file, has simulated peers report its events (missing some, crediting
                the wrong team, with jittered times; liars add coordinated fake goals and red cards), votes on
                them, and prints precision, recall, F1 and acceptance latency per action against the file's
                ground truth, then one summary line:
                  overall: precision=P recall=R F1=F latency_p50=Xs latency_p95=Ys

                  --reporters N       simulated peers (default 10)
                  --miss P            chance a peer misses an event (default 0.2)
                  --wrong-origin P    chance a peer credits the wrong team (default 0.05)
                  --jitter T          reported times off by up to ±T, e.g. 5s (default 5s)
                  --liars P           share of peers who also report coordinated fakes (default 0)
                  --quorum K          distinct reporters a report needs (default 2)
                  --fraction F        share of the active reporters' weight it needs (default 0.4)
                  --speed S           match seconds per real second over WebSockets (default 60)
                  --virtual           no network: the vote on a virtual clock, a whole match in a second
                  --explain           also list each true event the vote missed and each accepted event that
                                      did not happen (or not then, or not by that team)
                  --seed N            random seed (default 2021): the same seed gives the same run
                  --kickoff TIME      the kick-off, ISO-8601 (default 2021-06-11T19:00:00Z)

                example: ./sideline replay examples/data/statsbomb/3788741_events.json --reporters 10 --liars 0.3 --virtual
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Path file;
        ReplayOptions o;
        boolean virtual;
        boolean explain;
        Instant kickOff;
        try {
            CommandLine line = SYNTAX.parse(args);
            if (line.help()) {
                out.println(usage());
                return EXIT_OK;
            }
            List<String> files = line.positionals();
            if (files.size() != 1) {
                throw new UsageException(files.isEmpty() ? "name the StatsBomb events file to replay"
                        : "replay one file at a time (got " + files + ")");
            }
            file = Path.of(files.get(0));
            ReplayOptions d = ReplayOptions.defaults();
            int reporters = line.integer("--reporters", d.reporters());
            double miss = line.decimal("--miss", d.miss());
            double wrong = line.decimal("--wrong-origin", d.wrongOrigin());
            Duration jitter = line.value("--jitter", d.jitter(), v -> Duration.parse("PT" + v.toUpperCase(Locale.ROOT)),
                    "a time such as 5s");
            double liars = line.decimal("--liars", d.liars());
            int quorum = line.integer("--quorum", d.minVotes());
            double fraction = line.decimal("--fraction", d.fraction());
            double speed = line.decimal("--speed", d.speed());
            long seed = line.value("--seed", d.seed(), Long::parseLong, "a whole number");
            virtual = line.flag("--virtual");
            explain = line.flag("--explain");
            kickOff = line.value("--kickoff", EURO_2020_OPENER, Instant::parse,
                    "an ISO-8601 time such as 2021-06-11T19:00:00Z");
            try {
                o = new ReplayOptions(reporters, miss, wrong, jitter, liars, quorum, fraction, speed, seed);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        } catch (UsageException e) {
            return e.report(this, err);
        }
        if (!Files.isRegularFile(file)) {
            err.println("sideline replay: no such file: " + file);
            return EXIT_FAILURE;
        }
        StatsBombMatch match = StatsBombMatch.read(file, kickOff);
        err.printf("replay: %s – %s, %d events mapped to football actions; %d peers (%d liars), quorum k=%d, fraction %.2f, %s%n",
                match.home(), match.away(), match.events().size(), o.reporters(), o.liarCount(), o.minVotes(), o.fraction(),
                virtual ? "virtual clock" : "over WebSockets");
        Score score = virtual ? Replay.inProcess(match, o) : WebSocketReplay.run(match, o, err);
        if (explain) {
            score.printMistakes(out, kickOff);
        }
        score.print(out);
        return EXIT_OK;
    }
}
