package io.tollgate.gateway.snapshot;

import io.tollgate.model.plan.PlanLimits;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * What the limits policy needs besides each subscription's own limits: the tenant-wide ceilings (only request and
 * token rates and concurrency are used) and each model's default completion size, for token reservations.
 */
public record LimitSettings(Map<UUID, PlanLimits> tenantCeilings, Map<UUID, Integer> maxOutputTokensByModel) {

    private static final LimitSettings NONE = new LimitSettings(Map.of(), Map.of());

    public static LimitSettings none() {
        return NONE;
    }

    public PlanLimits tenantCeiling(UUID tenantId) {
        return tenantCeilings.getOrDefault(tenantId, PlanLimits.unlimited());
    }

    public OptionalInt maxOutputTokens(UUID modelId) {
        Integer max = maxOutputTokensByModel.get(modelId);
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }
}
