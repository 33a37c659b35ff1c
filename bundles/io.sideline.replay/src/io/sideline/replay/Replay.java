package io.sideline.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.sideline.host.HostConfig;
import io.sideline.lookup.QuorumPolicy;
import io.sideline.replay.internal.Reporters;
import io.sideline.replay.internal.SimulatedReport;
import io.sideline.replay.internal.VirtualClock;
import io.sideline.sport.football.Football;
import io.sideline.statsbomb.StatsBombMatch;
import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.Report;
import io.sideline.voting.VotingEngine;
import io.sideline.voting.VotingRules;

/** Runs a replay and scores it. */
public final class Replay {

    private Replay() {
    }

    /** @return the vote's rules for a replay: the options' quorum and football's windows */
    public static VotingRules rules(ReplayOptions o) {
        return HostConfig.votingRules(new Football(), new QuorumPolicy(o.minVotes(), o.fraction()));
    }

    /** @return football's voting window of each action, for scoring */
    public static Function<String, Duration> windows(ReplayOptions o) {
        return rules(o).windowFunction();
    }

    /**
     * The fast mode: the voting engine on a virtual clock, no network. A whole match takes well under a second.
     *
     * @return the score
     */
    public static Score inProcess(StatsBombMatch match, ReplayOptions o) {
        List<SimulatedReport> reports = Reporters.simulate(match, o);
        Instant start = match.events().isEmpty() ? Instant.EPOCH : match.events().get(0).time().minusSeconds(60);
        VirtualClock clock = new VirtualClock(start);
        VotingEngine engine = new VotingEngine(rules(o), clock);
        Instant nextTick = start;
        for (SimulatedReport r : reports) {
            while (!nextTick.isAfter(r.sendTime())) {
                clock.set(nextTick);
                engine.tick();
                nextTick = nextTick.plusSeconds(1);
            }
            clock.set(r.sendTime());
            engine.submit(new Report("peer-" + r.reporter(), r.title(), r.origin(), r.eventTime(), r.sendTime()));
        }
        Instant end = nextTick.plus(engine.rules().decisionTimeout()).plusSeconds(5);
        for (; nextTick.isBefore(end); nextTick = nextTick.plusSeconds(1)) {
            clock.set(nextTick);
            engine.tick();
        }
        List<Score.Outcome> outcomes = engine.timeline().stream().filter(AcceptedEvent::standing)
                .map(e -> new Score.Outcome(e.title(), e.origin(), e.eventTime(), e.acceptedAt())).toList();
        return Score.of(match.events(), outcomes, windows(o));
    }
}
