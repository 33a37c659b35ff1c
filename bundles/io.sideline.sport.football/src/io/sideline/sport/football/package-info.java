/**
 * Football (association football, soccer) as a Sideline sport: {@link io.sideline.sport.football.Football}, a sport service.
 */
@NullMarked
package io.sideline.sport.football;

import org.jspecify.annotations.NullMarked;
