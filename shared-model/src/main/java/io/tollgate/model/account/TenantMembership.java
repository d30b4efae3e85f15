package io.tollgate.model.account;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A person's role in one tenant. Its tenant is the session's ({@link TenantId}), so a tenant reads and removes only its
 * own members. A tenant keeps at least one administrator: the last one is neither removed nor given another role.
 */
@Entity
@Table(name = "memberships")
public class TenantMembership extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @TenantId
    private UUID tenantId;
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private TenantRole role;
    private Instant createdAt;

    protected TenantMembership() {
    }

    /**
     * The account's membership of the tenant. The tenant is named because a person joins before acting for it (at
     * sign-up, by an invitation's link, in the platform scope); in a tenant's session it must be that tenant's.
     */
    public TenantMembership(UUID tenantId, UUID userId, TenantRole role, Instant at) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = stored(at);
    }

    /**
     * @param tenantAdmins how many administrators the tenant has now, this member included
     * @throws LastTenantAdminException when this is the tenant's last administrator and the role is not ADMIN
     */
    public void changeRole(TenantRole role, long tenantAdmins) {
        if (this.role != role) {
            requireNotLastAdmin(tenantAdmins);
        }
        this.role = Objects.requireNonNull(role, "role");
    }

    /**
     * Checks the membership may end.
     *
     * @param tenantAdmins how many administrators the tenant has now, this member included
     * @throws LastTenantAdminException when this is the tenant's last administrator
     */
    public void requireRemovable(long tenantAdmins) {
        requireNotLastAdmin(tenantAdmins);
    }

    private void requireNotLastAdmin(long tenantAdmins) {
        if (role == TenantRole.ADMIN && tenantAdmins <= 1) {
            throw new LastTenantAdminException();
        }
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public TenantRole getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
