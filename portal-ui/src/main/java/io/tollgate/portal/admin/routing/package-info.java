/** Platform administrators watch routing live: each deployment's breaker, latency, errors, load and quota use. */
@NullMarked
package io.tollgate.portal.admin.routing;

import org.jspecify.annotations.NullMarked;
