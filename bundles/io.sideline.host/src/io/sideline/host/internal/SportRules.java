package io.sideline.host.internal;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.sideline.lookup.QuorumPolicy;
import io.sideline.sport.api.Sport;
import io.sideline.sport.api.SportAction;
import io.sideline.voting.VotingRules;

/** The vote's rules for a match: the match's quorum with its sport's voting windows and exclusive actions. */
public final class SportRules {

    /** the window of an action its sport does not name */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(15);

    private SportRules() {
    }

    /** @return the rules a host of a match of this sport and quorum votes by */
    public static VotingRules of(Sport sport, QuorumPolicy quorum) {
        Map<String, Duration> windows = sport.actions().stream()
                .collect(Collectors.toMap(SportAction::label, SportAction::votingWindow, (a, b) -> a));
        return VotingRules.of(quorum.minVotes(), quorum.fraction()).withWindows(windows, DEFAULT_WINDOW)
                .withExclusive(sport.exclusiveActions());
    }
}
