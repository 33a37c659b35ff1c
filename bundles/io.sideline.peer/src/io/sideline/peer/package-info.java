/**
 * A peer's side of a match, headless: {@link io.sideline.peer.MatchClient} connects to a match host over
 * WebSocket, reports events and corrections and keeps the match's {@link io.sideline.peer.Timeline} of
 * accepted messages; {@link io.sideline.peer.SavedMatch} writes and reads a match to and from a file (or reads
 * a host's journal) for review; {@link io.sideline.peer.TimelineCsv} exports a timeline as CSV;
 * {@link io.sideline.peer.ReportOutbox} keeps a peer's reports that wait for the host in a file.
 * <p>
 * Nothing here needs a display. Callbacks of a {@code MatchClient} come from the client's own thread; a user
 * interface hops to its display thread itself.
 */
@NullMarked
package io.sideline.peer;

import org.jspecify.annotations.NullMarked;
