package io.tollgate.portal.subscriptions;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record SubscriptionSummary(UUID id, UUID appId, String appName, UUID modelId, String modelName, String status,
                                  String justification, @Nullable String decisionReason, Instant requestedAt,
                                  @Nullable Instant decidedAt) {
}
