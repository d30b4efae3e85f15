package io.tollgate.model.account;

import io.tollgate.model.TenantScopedRepository;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
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

    Optional<TenantMembership> findByTenantIdAndUserId(UUID tenantId, UUID userId);

    /**
     * The tenant's administrators, locked until the transaction ends: a change that must leave the tenant one (a
     * member removed, a role changed) counts them here, so two such changes queue instead of each leaving the other
     * administrator the last and removing them both.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("""
            select m from TenantMembership m
            where m.tenantId = :tenantId and m.role = io.tollgate.model.account.TenantRole.ADMIN""")
    List<TenantMembership> findAdminsForUpdate(UUID tenantId);

    void delete(TenantMembership membership);
}
