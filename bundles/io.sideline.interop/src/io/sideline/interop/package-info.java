/** Imports and exports of matches (Sideline, Sportscode XML, StatsBomb events, CSV): {@link io.sideline.interop.Interop}. */
@NullMarked
package io.sideline.interop;

import org.jspecify.annotations.NullMarked;
