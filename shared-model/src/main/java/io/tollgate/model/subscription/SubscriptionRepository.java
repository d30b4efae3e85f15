package io.tollgate.model.subscription;

import io.tollgate.model.TenantScopedRepository;
import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/** The session tenant's subscriptions; in the platform scope, every tenant's. */
@NullMarked
public interface SubscriptionRepository extends TenantScopedRepository<Subscription, UUID> {

    /** Written at once, so the SQL that lists subscriptions in the same transaction sees it. */
    <S extends Subscription> S saveAndFlush(S subscription);

    /** Locked until the transaction ends, so two decisions about one subscription cannot both pass. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from Subscription s where s.id = :id")
    Optional<Subscription> findByIdForUpdate(UUID id);

    boolean existsByAppIdAndModelIdAndStatusIn(UUID appId, UUID modelId, Collection<SubscriptionStatus> statuses);
}
