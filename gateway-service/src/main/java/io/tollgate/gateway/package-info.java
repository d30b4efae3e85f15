/**
 * The gateway service: an OpenAI-compatible data plane on Spring WebFlux that authenticates, limits, routes and meters
 * model requests.
 */
@NullMarked
package io.tollgate.gateway;

import org.jspecify.annotations.NullMarked;
