package io.sideline.replay.internal;

import java.time.Instant;

import io.sideline.protocol.Location;

/**
 * A report one simulated peer sends.
 *
 * @param reporter  the peer
 * @param title     the action
 * @param origin    the team it credits
 * @param player    the player, as the file names them; {@code null} for a fake or when the team is wrong
 * @param eventTime when it says the event happened
 * @param sendTime  when it sends the report (match clock)
 * @param fake      whether it is a liar's invention
 * @param location  where on the pitch, as the file places it; {@code null} for a fake, when the team is wrong or
 *                  when the file gives none
 */
public record SimulatedReport(int reporter, String title, String origin, String player, Instant eventTime, Instant sendTime,
        boolean fake, Location location) {

    /** A report without a location. */
    public SimulatedReport(int reporter, String title, String origin, String player, Instant eventTime, Instant sendTime,
            boolean fake) {
        this(reporter, title, origin, player, eventTime, sendTime, fake, null);
    }
}
