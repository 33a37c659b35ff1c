package io.sideline.voting.tests;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.sideline.testing.MutableClock;
import io.sideline.voting.AcceptedEvent;
import io.sideline.voting.CorrectionReport;
import io.sideline.voting.Decision;
import io.sideline.voting.Report;
import io.sideline.voting.VotingEngine;
import io.sideline.voting.VotingRules;

/**
 * A match on a virtual clock: Turkey–Italy, kick-off 2021-06-11 19:00 UTC. Times are seconds after
 * kick-off; every report is received at the clock's current time.
 */
final class Match {

    static final Instant KICK_OFF = Instant.parse("2021-06-11T19:00:00Z");

    final MutableClock clock = new MutableClock(KICK_OFF);
    final VotingEngine engine;

    Match(VotingRules rules) {
        engine = new VotingEngine(rules, clock);
    }

    /** @return the instant {@code seconds} after kick-off */
    static Instant t(double seconds) {
        return KICK_OFF.plusMillis(Math.round(seconds * 1000));
    }

    /** @return reporter names r0, r1, … */
    static List<String> reporters(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
    }

    /** Moves the clock to {@code seconds} after kick-off. */
    Match at(double seconds) {
        clock.set(t(seconds));
        return this;
    }

    List<Decision> report(String reporter, String title, String origin, double eventSecond) {
        return engine.submit(new Report(reporter, title, origin, t(eventSecond), clock.instant()));
    }

    /** Everyone reports the same thing; @return every decision, in order */
    List<Decision> reportAll(List<String> reporters, String title, String origin, double eventSecond) {
        List<Decision> out = new ArrayList<>();
        for (String r : reporters) {
            out.addAll(report(r, title, origin, eventSecond));
        }
        return out;
    }

    /**
     * Everyone reports the kick-off, so that all of them are active reporters with the same weight before
     * the test starts.
     */
    void kickOff(List<String> reporters) {
        reportAll(reporters, "Kick-off", "Italy", 0);
    }

    List<Decision> retract(String reporter, String target, String reason) {
        return engine.correct(CorrectionReport.retraction(reporter, target, reason, clock.instant()));
    }

    List<Decision> amend(String reporter, String target, String title, String origin, double eventSecond,
            String reason) {
        return engine.correct(CorrectionReport.amendment(reporter, target, title, origin, t(eventSecond), reason,
                clock.instant()));
    }

    /** Ticks once a second until {@code seconds} after kick-off; @return every decision */
    List<Decision> tickUntil(double seconds) {
        List<Decision> out = new ArrayList<>();
        while (clock.instant().isBefore(t(seconds))) {
            clock.advance(Duration.ofSeconds(1));
            out.addAll(engine.tick());
        }
        return out;
    }

    /** @return the standing events of a title */
    List<AcceptedEvent> standing(String title) {
        return engine.timeline().stream().filter(e -> e.title().equals(title) && e.standing()).toList();
    }

    static List<AcceptedEvent> accepted(List<Decision> decisions, Decision.Kind kind) {
        return decisions.stream().filter(Decision.Accept.class::isInstance).map(Decision.Accept.class::cast)
                .filter(a -> a.kind() == kind).map(Decision.Accept::event).toList();
    }

    static List<Decision.Reject> rejections(List<Decision> decisions) {
        return decisions.stream().filter(Decision.Reject.class::isInstance).map(Decision.Reject.class::cast).toList();
    }

    /** The defaults of {@link VotingRules#of} with this quorum and these windows. */
    static VotingRules rules(int k, double fraction, Map<String, Duration> windows) {
        return VotingRules.of(k, fraction).withWindows(windows, VotingRules.of(k, fraction).defaultWindow());
    }
}
