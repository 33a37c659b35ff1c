/**
 * The host of a match: peers connect over WebSocket with their join token, report what happens, and
 * receive every accepted event. Start one with {@link io.sideline.host.MatchHost#start(HostConfig)}, in the
 * workbench's process or headless with {@code ./sideline host}.
 */
@NullMarked
package io.sideline.host;

import org.jspecify.annotations.NullMarked;
