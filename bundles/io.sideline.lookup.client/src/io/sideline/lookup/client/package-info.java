/**
 * The Java client of the lookup server: {@link io.sideline.lookup.client.LookupClient}, asynchronous,
 * with a timeout on every request. The workbench and the host use it.
 */
@NullMarked
package io.sideline.lookup.client;

import org.jspecify.annotations.NullMarked;
