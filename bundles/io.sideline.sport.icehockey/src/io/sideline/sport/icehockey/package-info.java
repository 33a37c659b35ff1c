/**
 * Ice hockey as a Sideline sport: {@link io.sideline.sport.icehockey.IceHockey}, a sport service.
 */
@NullMarked
package io.sideline.sport.icehockey;

import org.jspecify.annotations.NullMarked;
