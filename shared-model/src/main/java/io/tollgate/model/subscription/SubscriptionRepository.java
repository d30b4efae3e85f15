package io.tollgate.model.subscription;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;

@NullMarked
public interface SubscriptionRepository extends TenantScopedRepository<Subscription, UUID> {

    List<Subscription> findAllByTenantIdOrderByCreatedAtDesc(UUID tenantId);

    List<Subscription> findAllByTenantIdAndAppIdOrderByCreatedAtDesc(UUID tenantId, UUID appId);

    List<Subscription> findAllByTenantIdAndStatus(UUID tenantId, SubscriptionStatus status);

    /** The PENDING or APPROVED subscription of the app to the model; the schema allows at most one. */
    Optional<Subscription> findByTenantIdAndAppIdAndModelIdAndStatusIn(
            UUID tenantId, UUID appId, UUID modelId, List<SubscriptionStatus> statuses);

    default Optional<Subscription> findLive(UUID tenantId, UUID appId, UUID modelId) {
        return findByTenantIdAndAppIdAndModelIdAndStatusIn(tenantId, appId, modelId,
                List.of(SubscriptionStatus.PENDING, SubscriptionStatus.APPROVED));
    }
}
