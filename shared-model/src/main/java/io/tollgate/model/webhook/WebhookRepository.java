package io.tollgate.model.webhook;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.UUID;

public interface WebhookRepository extends TenantScopedRepository<Webhook, UUID> {

    List<Webhook> findAllByTenantIdOrderByCreatedAt(UUID tenantId);

    List<Webhook> findAllByTenantIdAndEnabledTrue(UUID tenantId);
}
