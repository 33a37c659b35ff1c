/**
 * The lookup server: identification, match search and registration, join tokens, over HTTP. Start one
 * with {@link io.sideline.lookup.server.LookupServer#start(LookupServerConfig)}, in the workbench's
 * process (local mode), in a test, or headless with {@code ./sideline server}.
 */
@NullMarked
package io.sideline.lookup.server;

import org.jspecify.annotations.NullMarked;
