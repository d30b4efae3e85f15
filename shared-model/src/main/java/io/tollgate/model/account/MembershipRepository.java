package io.tollgate.model.account;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface MembershipRepository extends TenantScopedRepository<Membership, UUID> {

    List<Membership> findAllByTenantIdOrderByCreatedAt(UUID tenantId);

    Optional<Membership> findByTenantIdAndUserId(UUID tenantId, UUID userId);

    long countByTenantIdAndRole(UUID tenantId, TenantRole role);

    /** The signed-in user's own memberships, to pick the tenant at sign-in. */
    List<Membership> findAllByUserId(UUID userId);
}
