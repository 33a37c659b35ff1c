@NullMarked
package io.sideline.sport.declarative;

import org.jspecify.annotations.NullMarked;
