/** Distributed tracing settings every service shares. */
@NullMarked
package io.tollgate.model.tracing;

import org.jspecify.annotations.NullMarked;
