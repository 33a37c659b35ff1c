/**
 * Basketball as a Sideline sport: {@link io.sideline.sport.basketball.Basketball}, a sport service.
 */
@NullMarked
package io.sideline.sport.basketball;

import org.jspecify.annotations.NullMarked;
