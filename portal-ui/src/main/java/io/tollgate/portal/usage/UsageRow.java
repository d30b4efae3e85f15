package io.tollgate.portal.usage;

import java.math.BigDecimal;
import java.time.Instant;

public record UsageRow(Instant occurredAt, String app, String keyPrefix, String model, int promptTokens,
                       int completionTokens, BigDecimal costUsd, int statusCode, String tags) {
}
