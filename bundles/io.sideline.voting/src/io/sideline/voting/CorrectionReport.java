package io.sideline.voting;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One peer's request to correct an accepted event: retract it, or amend its title, origin or time.
 * Corrections are voted like reports.
 *
 * @param reporter   the identity that sent it
 * @param target     the stable id of the accepted event
 * @param retract    {@code true} to withdraw the event, {@code false} to amend it
 * @param title      for an amendment: the new title (or the old one)
 * @param origin     for an amendment: the new origin (or the old one)
 * @param eventTime  for an amendment: the new time (or the old one)
 * @param reason     optional: why, shown in the feed
 * @param receivedAt when the host received it
 */
public record CorrectionReport(String reporter, String target, boolean retract, @Nullable String title,
        @Nullable String origin, @Nullable Instant eventTime, @Nullable String reason, Instant receivedAt) {

    public CorrectionReport {
        Objects.requireNonNull(reporter, "reporter");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (!retract) {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(eventTime, "eventTime");
        }
    }

    /** @return a retraction */
    public static CorrectionReport retraction(String reporter, String target, @Nullable String reason, Instant receivedAt) {
        return new CorrectionReport(reporter, target, true, null, null, null, reason, receivedAt);
    }

    /** @return an amendment */
    public static CorrectionReport amendment(String reporter, String target, String title, String origin,
            Instant eventTime, @Nullable String reason, Instant receivedAt) {
        return new CorrectionReport(reporter, target, false, title, origin, eventTime, reason, receivedAt);
    }
}
