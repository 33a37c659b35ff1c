package io.sideline.voting;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The parameters of the vote. {@code docs/voting.md} explains each and the defaults.
 *
 * @param minVotes         a report needs at least this many distinct reporters (k); 1 lets a lone analyst report alone
 * @param fraction         and at least this share of the active reporters' weight (0 turns it off)
 * @param windows          the voting window per action title: reports of the same title and origin whose times are
 *                         this close to a candidate's median join it
 * @param defaultWindow    the window of titles {@code windows} does not name
 * @param decisionTimeout  a candidate not accepted this long after its first report is rejected as uncorroborated
 * @param activeWindow     a reporter counts as active while its last report is younger than this
 * @param initialWeight    a new reporter's weight
 * @param minWeight        the least weight reputation can fall to
 * @param maxWeight        the most weight reputation can rise to
 * @param gain             weight added for each report the vote accepts
 * @param loss             weight removed for each report the vote rejects or a correction retracts
 * @param exclusive        titles that only one origin can do at a moment, as the sport declares them (a goal, a
 *                         period start): candidates of such a title with different origins within its window
 *                         conflict, and the vote keeps one. Every other title never conflicts: a foul and the
 *                         retaliation, two shots at either end of a counter-attack are two events
 */
public record VotingRules(int minVotes, double fraction, Map<String, Duration> windows, Duration defaultWindow,
        Duration decisionTimeout, Duration activeWindow, double initialWeight, double minWeight, double maxWeight,
        double gain, double loss, Set<String> exclusive) {

    /** Rules in which no title conflicts across origins. */
    public VotingRules(int minVotes, double fraction, Map<String, Duration> windows, Duration defaultWindow,
            Duration decisionTimeout, Duration activeWindow, double initialWeight, double minWeight, double maxWeight,
            double gain, double loss) {
        this(minVotes, fraction, windows, defaultWindow, decisionTimeout, activeWindow, initialWeight, minWeight,
                maxWeight, gain, loss, Set.of());
    }

    public VotingRules {
        if (minVotes < 1) {
            throw new IllegalArgumentException("minVotes must be at least 1");
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be between 0 and 1");
        }
        windows = Map.copyOf(Objects.requireNonNull(windows, "windows"));
        Objects.requireNonNull(defaultWindow, "defaultWindow");
        Objects.requireNonNull(decisionTimeout, "decisionTimeout");
        Objects.requireNonNull(activeWindow, "activeWindow");
        if (!(minWeight > 0 && minWeight <= initialWeight && initialWeight <= maxWeight)) {
            throw new IllegalArgumentException("weights must satisfy 0 < min <= initial <= max");
        }
        if (gain < 0 || loss < 0) {
            throw new IllegalArgumentException("gain and loss must not be negative");
        }
        exclusive = Set.copyOf(Objects.requireNonNull(exclusive, "exclusive"));
    }

    /** @return the defaults with this quorum */
    public static VotingRules of(int minVotes, double fraction) {
        // the active window outlasts a half-time break, so silent honest peers still count when play resumes
        return new VotingRules(minVotes, fraction, Map.of(), Duration.ofSeconds(15), Duration.ofSeconds(45),
                Duration.ofMinutes(30), 1.0, 0.25, 2.0, 0.05, 0.2);
    }

    /** @return these rules with other per-action windows */
    public VotingRules withWindows(Map<String, Duration> perTitle, Duration fallback) {
        return new VotingRules(minVotes, fraction, perTitle, fallback, decisionTimeout, activeWindow, initialWeight,
                minWeight, maxWeight, gain, loss, exclusive);
    }

    /** @return these rules with another decision timeout */
    public VotingRules withDecisionTimeout(Duration timeout) {
        return new VotingRules(minVotes, fraction, windows, defaultWindow, timeout, activeWindow, initialWeight,
                minWeight, maxWeight, gain, loss, exclusive);
    }

    /** @return these rules with other titles that only one origin can do at a moment */
    public VotingRules withExclusive(Set<String> titles) {
        return new VotingRules(minVotes, fraction, windows, defaultWindow, decisionTimeout, activeWindow, initialWeight,
                minWeight, maxWeight, gain, loss, titles);
    }

    /** @return whether only one origin can do this title at a moment */
    public boolean isExclusive(String title) {
        return exclusive.contains(title);
    }

    /** @return the window of a title */
    public Duration windowFor(String title) {
        return windows.getOrDefault(title, defaultWindow);
    }

    /** @return the windows as a function, for callers that look them up often */
    public Function<String, Duration> windowFunction() {
        return this::windowFor;
    }
}
