/**
 * Strict JSON for everything Sideline reads from outside: {@link io.sideline.protocol.json.StrictJson}
 * parses one object under a size limit and {@link io.sideline.protocol.json.JsonFields} reads typed,
 * validated fields out of it, refusing anything else with a {@link io.sideline.protocol.ProtocolException}
 * that names the field. The lookup server's HTTP API uses the same rules and error codes as the
 * WebSocket protocol.
 */
@NullMarked
package io.sideline.protocol.json;

import org.jspecify.annotations.NullMarked;
