/** Tollgate's shared model: tenant-scoped entities and repositories by aggregate, and the values every service shares. */
@NullMarked
package io.tollgate.model;

import org.jspecify.annotations.NullMarked;
