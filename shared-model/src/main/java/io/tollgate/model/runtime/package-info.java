/** How a service behaves as a child of the standalone launcher. */
@NullMarked
package io.tollgate.model.runtime;

import org.jspecify.annotations.NullMarked;
