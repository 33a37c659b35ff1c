/**
 * StatsBomb event files read as football matches: {@link io.sideline.statsbomb.StatsBombMatch#read} reads
 * a match file and maps its events onto Sideline's football actions, in one place for the replay
 * simulator and the importer.
 */
@NullMarked
package io.sideline.statsbomb;

import org.jspecify.annotations.NullMarked;
