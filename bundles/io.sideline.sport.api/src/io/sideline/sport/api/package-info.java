/**
 * What a sport is to Sideline: its id, its teams, and the actions peers report. A sport plugin registers
 * a {@link io.sideline.sport.api.Sport} as an OSGi service; hosts and workbenches pick sports up as they
 * come and go. These names are API: they do not change.
 */
@NullMarked
package io.sideline.sport.api;

import org.jspecify.annotations.NullMarked;
