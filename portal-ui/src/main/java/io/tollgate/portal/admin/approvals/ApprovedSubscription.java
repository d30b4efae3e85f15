package io.tollgate.portal.admin.approvals;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Access the platform granted and may take back. */
public record ApprovedSubscription(UUID id, String tenantName, String appName, String modelName,
                                   @Nullable Instant approvedAt) {
}
