/**
 * The Sideline wire protocol: the JSON messages peers and hosts exchange over WebSocket.
 * <p>
 * The two messages of the original design, {@link EventReport} ({@code "event"}) and {@link Setup}
 * ({@code "setup"}), are read and written exactly as that design shows them; every other message
 * extends it without changing what an original client sees. {@link ProtocolCodec} turns text into
 * {@link Message}s and back, and refuses bad input with a {@link ProtocolException} that names the
 * field and the problem. The reference is {@code docs/protocol.md}.
 * <p>
 * This package is API (version 1.3; 1.1 added {@link CurrentVersion}, 1.3 the line-ups: {@link Lineups},
 * {@link Player}, {@link Lineup} and {@link Setup#lineups()}): names, JSON field names and error
 * codes do not change.
 */
@NullMarked
package io.sideline.protocol;

import org.jspecify.annotations.NullMarked;
