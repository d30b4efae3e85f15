package io.tollgate.model.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/**
 * Tenant rows, which are not tenant-owned (a tenant row is its own owner): callers scope every tenant-triggered
 * lookup by the acting tenant's id; sign-up creates a row and platform administrators change any.
 */
public interface TenantRepository extends Repository<Tenant, UUID> {

    /**
     * Written at once: the SQL that follows in the transaction refers to the row (audit, billing contacts) or reads it
     * back (the management API's answer, in the one transaction of a request with an {@code Idempotency-Key}).
     */
    <S extends Tenant> S saveAndFlush(S tenant);

    Optional<Tenant> findById(UUID id);

    boolean existsBySlug(String slug);
}
