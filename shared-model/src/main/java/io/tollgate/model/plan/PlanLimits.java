package io.tollgate.model.plan;

import java.util.OptionalLong;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * The limits of a plan tier, or a subscription's overrides of them. An empty value means unlimited
 * (for a plan) or "keep the plan's value" (for overrides); a present value is always positive.
 */
@NullMarked
public record PlanLimits(
        OptionalLong requestsPerMinute,
        OptionalLong requestsPerHour,
        OptionalLong tokensPerMinute,
        OptionalLong tokensPerDay,
        OptionalLong maxConcurrentRequests,
        OptionalLong maxTokensPerRequest) {

    private static final PlanLimits UNLIMITED = new PlanLimits(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty());

    public PlanLimits {
        requirePositive("requestsPerMinute", requestsPerMinute);
        requirePositive("requestsPerHour", requestsPerHour);
        requirePositive("tokensPerMinute", tokensPerMinute);
        requirePositive("tokensPerDay", tokensPerDay);
        requirePositive("maxConcurrentRequests", maxConcurrentRequests);
        requirePositive("maxTokensPerRequest", maxTokensPerRequest);
    }

    public static PlanLimits unlimited() {
        return UNLIMITED;
    }

    /** From the nullable columns of {@code plans} or {@code subscriptions}; null means no limit. */
    public static PlanLimits ofNullable(
            @Nullable Integer requestsPerMinute,
            @Nullable Integer requestsPerHour,
            @Nullable Long tokensPerMinute,
            @Nullable Long tokensPerDay,
            @Nullable Integer maxConcurrentRequests,
            @Nullable Integer maxTokensPerRequest) {
        return new PlanLimits(optional(requestsPerMinute), optional(requestsPerHour), optional(tokensPerMinute),
                optional(tokensPerDay), optional(maxConcurrentRequests), optional(maxTokensPerRequest));
    }

    /** These limits with every limit that {@code overrides} sets replaced by the override. */
    public PlanLimits overriddenBy(PlanLimits overrides) {
        return new PlanLimits(
                either(overrides.requestsPerMinute, requestsPerMinute),
                either(overrides.requestsPerHour, requestsPerHour),
                either(overrides.tokensPerMinute, tokensPerMinute),
                either(overrides.tokensPerDay, tokensPerDay),
                either(overrides.maxConcurrentRequests, maxConcurrentRequests),
                either(overrides.maxTokensPerRequest, maxTokensPerRequest));
    }

    public boolean isUnlimited() {
        return equals(UNLIMITED);
    }

    private static OptionalLong optional(@Nullable Number value) {
        return value == null ? OptionalLong.empty() : OptionalLong.of(value.longValue());
    }

    private static OptionalLong either(OptionalLong preferred, OptionalLong fallback) {
        return preferred.isPresent() ? preferred : fallback;
    }

    private static void requirePositive(String name, OptionalLong limit) {
        if (limit.isPresent() && limit.getAsLong() <= 0) {
            throw new IllegalArgumentException(name + " must be positive when set, was " + limit.getAsLong());
        }
    }
}
