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

/** A user's role in one tenant. */
@Entity
@Table(name = "memberships")
public class Membership extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private UUID tenantId;
    private UUID userId;
    @Enumerated(EnumType.STRING)
    private TenantRole role;
    private Instant createdAt;

    protected Membership() {
    }

    public Membership(UUID tenantId, UUID userId, TenantRole role, Instant at) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.role = Objects.requireNonNull(role, "role");
        this.createdAt = at;
    }

    public void changeRole(TenantRole role) {
        this.role = Objects.requireNonNull(role, "role");
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getUserId() {
        return userId;
    }

    public TenantRole getRole() {
        return role;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
