package io.tollgate.billing.alerts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A budget_alerts row due for delivery, with what the notification needs to say. */
record PendingAlert(UUID id, UUID budgetId, UUID tenantId, String tenantName, String scope, @Nullable UUID appId,
                    @Nullable UUID modelId, String period, LocalDate periodStart,
                    int thresholdPercent, BigDecimal spentUsd, BigDecimal budgetUsd, OffsetDateTime createdAt,
                    String webhookStatus, String emailStatus, int attempts) {

    boolean webhookPending() {
        return webhookStatus.equals("PENDING");
    }

    boolean emailPending() {
        return emailStatus.equals("PENDING");
    }
}
