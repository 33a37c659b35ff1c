package io.sideline.interop;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * How to place an imported timeline.
 *
 * @param kickoff  the wall-clock time of the kick-off (StatsBomb) or of the start of the video (Sportscode): the
 *                 files count time from there; between 2000 and 2100, as the protocol's times are.
 *                 {@link #NO_KICKOFF} when it is not known: match times, which the feed, the charts and the
 *                 exports show, do not depend on it.
 * @param sport    the sport id the match is played under, or {@code null}: a StatsBomb file is always football;
 *                 a Sportscode file has no sport, and its codes are the actions
 * @param clipLead how long before its moment a Sportscode instance starts: an instance's event time is its start
 *                 plus this (but not after its end)
 */
public record ImportOptions(Instant kickoff, @Nullable String sport, Duration clipLead) {

    /** the kick-off assumed when none is given: 2000-01-01T00:00:00Z, the earliest time the protocol takes */
    public static final Instant NO_KICKOFF = Instant.parse("2000-01-01T00:00:00Z");
    /** a kick-off must come before this, so that the match's events do too */
    public static final Instant LATEST_KICKOFF = Instant.parse("2099-01-01T00:00:00Z");

    public ImportOptions {
        Objects.requireNonNull(kickoff, "kickoff");
        Objects.requireNonNull(clipLead, "clipLead");
        if (!validKickoff(kickoff)) {
            throw new IllegalArgumentException("the kick-off " + kickoff + " is not between 2000 and 2099");
        }
        if (clipLead.isNegative()) {
            throw new IllegalArgumentException("the clip lead is negative: " + clipLead);
        }
    }

    /** @return whether a match can kick off then: from 2000 to 2098 */
    public static boolean validKickoff(Instant kickoff) {
        return !kickoff.isBefore(NO_KICKOFF) && kickoff.isBefore(LATEST_KICKOFF);
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
    public ImportOptions withSport(@Nullable String newSport) {
        return new ImportOptions(kickoff, newSport, clipLead);
    }

    /** @return these options with another clip lead */
    public ImportOptions withClipLead(Duration newLead) {
        return new ImportOptions(kickoff, sport, newLead);
    }
}
