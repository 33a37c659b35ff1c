/**
 * The lookup server's API, shared by the server and its clients: the records its HTTP API exchanges,
 * their JSON form ({@link io.sideline.lookup.LookupJson}), and its error codes. A "match" is what the
 * original design calls an event: a game that peers report on. The HTTP API is described in
 * {@code docs/protocol.md}.
 */
@NullMarked
package io.sideline.lookup;

import org.jspecify.annotations.NullMarked;
