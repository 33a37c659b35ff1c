/**
 * The vote that turns peers' reports into a timeline: plain Java, no I/O, no threads, an injectable clock.
 * Feed {@link io.sideline.voting.VotingEngine} reports and corrections; it answers with the
 * {@link io.sideline.voting.Decision}s to broadcast. The algorithm and its parameters are described in
 * {@code docs/voting.md}.
 */
@NullMarked
package io.sideline.voting;

import org.jspecify.annotations.NullMarked;
