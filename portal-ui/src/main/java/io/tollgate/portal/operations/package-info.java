/** Operations: the actuator answers only on the management port, never on the public one. */
@NullMarked
package io.tollgate.portal.operations;

import org.jspecify.annotations.NullMarked;
