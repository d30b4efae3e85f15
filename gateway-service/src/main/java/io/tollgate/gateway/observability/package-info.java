/** Health, readiness, the access log and the metrics bound to the registry. */
@NullMarked
package io.tollgate.gateway.observability;

import org.jspecify.annotations.NullMarked;
