package io.tollgate.portal.admin.plans;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** The editable limits of a tier; null means unlimited. */
public record PlanDraft(String name, @Nullable Integer requestsPerMinute, @Nullable Integer requestsPerHour,
                        @Nullable Long tokensPerMinute, @Nullable Long tokensPerDay,
                        @Nullable Integer maxConcurrentRequests, @Nullable Integer maxTokensPerRequest,
                        BigDecimal markupPercent) {
}
