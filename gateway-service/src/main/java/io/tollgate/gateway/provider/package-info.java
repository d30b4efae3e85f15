/** The seam to model providers: the adapter contract, the registry of adapters and the upstream HTTP they share. */
@NullMarked
package io.tollgate.gateway.provider;

import org.jspecify.annotations.NullMarked;
