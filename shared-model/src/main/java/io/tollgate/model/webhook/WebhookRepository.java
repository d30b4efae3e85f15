package io.tollgate.model.webhook;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;

/** The session tenant's webhooks. Their deliveries, and billing's reads for its alerts, are set-based SQL. */
public interface WebhookRepository extends TenantScopedRepository<Webhook, UUID> {

    /** In the order they were registered. */
    @Query("select w from Webhook w order by w.createdAt, w.id")
    List<Webhook> findAllForListing();

    long count();

    void delete(Webhook webhook);
}
