package io.tollgate.gateway.snapshot;

import io.tollgate.model.plan.PlanLimits;
import java.util.UUID;

/** An APPROVED subscription with the limits that apply to it (the plan's, overridden by the subscription's). */
public record SubscriptionEntry(UUID id, UUID tenantId, UUID appId, UUID modelId, PlanLimits limits) {
}
