package io.tollgate.model.account;

import io.tollgate.model.TenantScopedRepository;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Query;

/**
 * The session tenant's memberships; in the platform scope, every tenant's, where the methods that name a tenant pick
 * one (a person joining by an invitation's link acts for no tenant yet). In a tenant's session those find nothing of
 * another tenant either.
 */
public interface TenantMembershipRepository extends TenantScopedRepository<TenantMembership, UUID> {

    /** The tenant's members by address. */
    @Query("""
            select new io.tollgate.model.account.MemberListing(u.id, u.email, u.displayName, m.role)
            from TenantMembership m join UserAccount u on u.id = m.userId order by u.email""")
    List<MemberListing> findAllListed();

    Optional<TenantMembership> findByUserId(UUID userId);

    long countByRole(TenantRole role);

    Optional<TenantMembership> findByTenantIdAndUserId(UUID tenantId, UUID userId);

    long countByTenantIdAndRole(UUID tenantId, TenantRole role);

    void delete(TenantMembership membership);
}
