/**
 * Usage metering: one event per request with its exact cost, token counting, the batched write to PostgreSQL with its
 * disk journal, and the request metrics.
 */
@NullMarked
package io.tollgate.gateway.metering;

import org.jspecify.annotations.NullMarked;
