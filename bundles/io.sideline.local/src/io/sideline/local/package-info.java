/**
 * Everything of a match in one process: a lookup server on the loopback interface
 * ({@link io.sideline.local.LocalLookup}), users registered on it, and matches hosted here
 * ({@link io.sideline.local.LocalMatch}). The workbench's local match, {@code ./sideline replay} and the
 * benchmark's server all start their servers through it, so a headless host never carries a lookup server.
 */
@NullMarked
package io.sideline.local;

import org.jspecify.annotations.NullMarked;
