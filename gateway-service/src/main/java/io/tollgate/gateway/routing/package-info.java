/**
 * Choosing a deployment for a model (weighted, priority, least-busy, lowest latency or cost), failover and deployment
 * health.
 */
@NullMarked
package io.tollgate.gateway.routing;

import org.jspecify.annotations.NullMarked;
