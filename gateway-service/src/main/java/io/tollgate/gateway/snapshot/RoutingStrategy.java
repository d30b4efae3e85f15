package io.tollgate.gateway.snapshot;

/** The values of {@code models.routing_strategy}: how a request chooses among its model's deployments. */
public enum RoutingStrategy {
    /** Lowest priority value first; within a tier by weight; the next tier only when the tier cannot answer. */
    PRIORITY,
    /** By weight across all deployments (canary splits such as 95/5). */
    WEIGHTED,
    /** Fewest requests in flight. */
    LEAST_BUSY,
    /** Lowest moving average of latency (time to first byte for streams). */
    LOWEST_LATENCY,
    /** Lowest provider cost of the request; deployments of unknown cost last. */
    LOWEST_COST
}
