package io.tollgate.portal.admin.models;

/** How the gateway chooses among a model's deployments ({@code models.routing_strategy}). */
public enum RoutingStrategy {

    PRIORITY("Priority failover",
            "Lowest priority value first; the next tier only when the tier is unhealthy or saturated."),
    WEIGHTED("Weighted",
            "Canary splits: each deployment gets a share of the traffic in proportion to its weight (e.g. 95/5)."),
    LEAST_BUSY("Least busy", "The deployment with the fewest requests in flight."),
    LOWEST_LATENCY("Lowest latency", "The deployment with the lowest moving average of latency."),
    LOWEST_COST("Lowest cost",
            "The deployment with the lowest provider cost (set per deployment); deployments without a cost last.");

    private final String label;
    private final String explanation;

    RoutingStrategy(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    /** One line for the form's helper text. */
    public String explanation() {
        return explanation;
    }
}
