/**
 * The replay simulator: a real match's events, reported by simulated peers who miss, mistake, jitter and
 * lie, voted by Sideline, and scored against the match's ground truth.
 */
@NullMarked
package io.sideline.replay;

import org.jspecify.annotations.NullMarked;
