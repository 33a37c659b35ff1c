/**
 * The lookup server's API, shared by the server and its clients: the records its HTTP API exchanges and
 * its error codes. Their JSON form is not API: {@code io.sideline.lookup.internal.LookupJson}, for the
 * server and the client bundles only. A "match" is what the original design calls an event: a game that
 * peers report on. The HTTP API is described in {@code docs/protocol.md}.
 */
@NullMarked
package io.sideline.lookup;

import org.jspecify.annotations.NullMarked;
