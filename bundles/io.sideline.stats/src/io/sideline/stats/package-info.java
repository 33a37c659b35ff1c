/**
 * The statistics of a match, the model the workbench's charts draw from: plain Java, headless, no I/O and
 * no threads. Feed {@link io.sideline.stats.MatchStats} the host's {@link io.sideline.protocol.Accepted}
 * messages as they arrive; it keeps the counts, the score and the players' counts up to date per message,
 * lets corrections (amendments, retractions) replace what they correct, and answers the series the charts
 * plot: cumulative counts ({@link io.sideline.stats.Step}) and momentum ({@link io.sideline.stats.Point})
 * over match time.
 */
@NullMarked
package io.sideline.stats;

import org.jspecify.annotations.NullMarked;
