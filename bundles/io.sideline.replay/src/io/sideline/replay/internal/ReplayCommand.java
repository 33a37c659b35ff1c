package io.sideline.replay.internal;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;

import io.sideline.cli.Command;
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
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            (args.isEmpty() ? err : out).println(usage());
            return args.isEmpty() ? EXIT_USAGE : EXIT_OK;
        }
        Path file = Path.of(args.get(0));
        ReplayOptions d = ReplayOptions.defaults();
        int reporters = d.reporters();
        double miss = d.miss();
        double wrong = d.wrongOrigin();
        Duration jitter = d.jitter();
        double liars = d.liars();
        int quorum = d.minVotes();
        double fraction = d.fraction();
        double speed = d.speed();
        long seed = d.seed();
        boolean virtual = false;
        boolean explain = false;
        Instant kickOff = EURO_2020_OPENER;
        try {
            for (int i = 1; i < args.size(); i++) {
                String option = args.get(i);
                if (option.equals("--virtual")) {
                    virtual = true;
                    continue;
                }
                if (option.equals("--explain")) {
                    explain = true;
                    continue;
                }
                if (i + 1 >= args.size()) {
                    return usageError(err, "missing value after " + option);
                }
                String v = args.get(++i);
                switch (option) {
                    case "--reporters" -> reporters = Integer.parseInt(v);
                    case "--miss" -> miss = Double.parseDouble(v);
                    case "--wrong-origin" -> wrong = Double.parseDouble(v);
                    case "--jitter" -> jitter = Duration.parse("PT" + v.toUpperCase(java.util.Locale.ROOT));
                    case "--liars" -> liars = Double.parseDouble(v);
                    case "--quorum" -> quorum = Integer.parseInt(v);
                    case "--fraction" -> fraction = Double.parseDouble(v);
                    case "--speed" -> speed = Double.parseDouble(v);
                    case "--seed" -> seed = Long.parseLong(v);
                    case "--kickoff" -> kickOff = Instant.parse(v);
                    default -> {
                        return usageError(err, "unknown option " + option);
                    }
                }
            }
        } catch (RuntimeException e) {
            return usageError(err, "a value does not fit its option (" + e.getMessage() + ")");
        }
        ReplayOptions o;
        try {
            o = new ReplayOptions(reporters, miss, wrong, jitter, liars, quorum, fraction, speed, seed);
        } catch (IllegalArgumentException e) {
            return usageError(err, e.getMessage());
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

    private int usageError(PrintStream err, String problem) {
        err.println("sideline replay: " + problem);
        err.println(usage());
        return EXIT_USAGE;
    }
}
