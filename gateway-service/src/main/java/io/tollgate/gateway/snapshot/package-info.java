/** The in-memory configuration snapshot the request path reads, loaded from PostgreSQL and refreshed on change. */
@NullMarked
package io.tollgate.gateway.snapshot;

import org.jspecify.annotations.NullMarked;
