package io.tollgate.gateway.snapshot;

import java.util.List;

/**
 * How a model's requests are routed: the strategy among its deployments, and the models to fall back to, in order,
 * when none of them can answer.
 */
public record ModelRouting(RoutingStrategy strategy, List<Fallback> fallbacks) {

    public static final ModelRouting DEFAULT = new ModelRouting(RoutingStrategy.PRIORITY, List.of());

    /**
     * @param coveredBySubscription whether the original model's subscription covers the fallback (else the app must
     *                              hold a subscription to it)
     */
    public record Fallback(ModelEntry model, boolean coveredBySubscription) {
    }
}
