package io.tollgate.portal.admin.tenants;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Limits on the sum of all of a tenant's apps and models, on top of each app's plan limits; null means none. */
public record TenantCeilings(@Nullable Integer requestsPerMinute, @Nullable Integer requestsPerHour,
                             @Nullable Long tokensPerMinute, @Nullable Long tokensPerDay,
                             @Nullable Integer maxConcurrentRequests) {

    public static TenantCeilings none() {
        return new TenantCeilings(null, null, null, null, null);
    }

    /** Each ceiling is above zero or absent (zero would refuse everything; suspending a tenant does that). */
    public boolean allPositive() {
        return Stream.of(requestsPerMinute, requestsPerHour, tokensPerMinute, tokensPerDay, maxConcurrentRequests)
                .allMatch(limit -> limit == null || limit.longValue() > 0);
    }

    public boolean isNone() {
        return Stream.of(requestsPerMinute, requestsPerHour, tokensPerMinute, tokensPerDay, maxConcurrentRequests)
                .allMatch(limit -> limit == null);
    }
}
