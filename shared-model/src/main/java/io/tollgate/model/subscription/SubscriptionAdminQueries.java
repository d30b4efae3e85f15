package io.tollgate.model.subscription;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.repository.Repository;

/**
 * Subscriptions across all tenants: the platform administrators' approvals queue and the gateway's snapshot.
 * Never call these with ids that came from a tenant's request.
 */
@NullMarked
public interface SubscriptionAdminQueries extends Repository<Subscription, UUID> {

    Optional<Subscription> findById(UUID id);

    /** Oldest first: the approvals queue with {@code PENDING}, the gateway's snapshot with {@code APPROVED}. */
    List<Subscription> findAllByStatusOrderByCreatedAt(SubscriptionStatus status);
}
