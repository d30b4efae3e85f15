/** The optional response cache: exact match on a canonical request, per tenant and app. */
@NullMarked
package io.tollgate.gateway.cache;

import org.jspecify.annotations.NullMarked;
