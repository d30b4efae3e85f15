package io.tollgate.portal.admin.approvals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A subscription request waiting for a decision, with what the approver needs to judge it. */
public record PendingRequest(UUID id, UUID tenantId, String tenantName, String appName, String modelName,
                             String justification, BigDecimal tenantSpendThisMonth, Instant requestedAt) {
}
