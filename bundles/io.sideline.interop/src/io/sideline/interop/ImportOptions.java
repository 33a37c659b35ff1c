package io.sideline.interop;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How to place an imported timeline.
 *
 * @param kickoff  the wall-clock time of the kick-off (StatsBomb) or of the start of the video (Sportscode): the
 *                 files count time from there. The Unix epoch when it is not known: match times, which the
 *                 feed, the charts and the exports show, do not depend on it.
 * @param sport    the sport id the match is played under, or {@code null}: a StatsBomb file is always football;
 *                 a Sportscode file has no sport, and its codes are the actions
 * @param clipLead how long before its moment a Sportscode instance starts: an instance's event time is its start
 *                 plus this (but not after its end)
 */
public record ImportOptions(Instant kickoff, String sport, Duration clipLead) {

    /** the kick-off assumed when none is given */
    public static final Instant NO_KICKOFF = Instant.EPOCH;

    public ImportOptions {
        Objects.requireNonNull(kickoff, "kickoff");
        Objects.requireNonNull(clipLead, "clipLead");
        if (clipLead.isNegative()) {
            throw new IllegalArgumentException("the clip lead is negative: " + clipLead);
        }
    }

    /** @return no kick-off, no sport, a clip lead of 5 seconds */
    public static ImportOptions defaults() {
        return new ImportOptions(NO_KICKOFF, null, Duration.ofSeconds(5));
    }

    /** @return these options with another kick-off */
    public ImportOptions withKickoff(Instant newKickoff) {
        return new ImportOptions(newKickoff, sport, clipLead);
    }

    /** @return these options with another sport */
    public ImportOptions withSport(String newSport) {
        return new ImportOptions(kickoff, newSport, clipLead);
    }

    /** @return these options with another clip lead */
    public ImportOptions withClipLead(Duration newLead) {
        return new ImportOptions(kickoff, sport, newLead);
    }
}
