package io.tollgate.model.account;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An emailed offer to join a tenant; only the SHA-256 of its one-time token is stored. */
@Entity
@Table(name = "invitations")
public class Invitation extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private UUID tenantId;
    private String email;
    @Enumerated(EnumType.STRING)
    private TenantRole role;
    private byte[] tokenHash;
    private @Nullable UUID invitedBy;
    private Instant expiresAt;
    private @Nullable Instant acceptedAt;
    private Instant createdAt;

    protected Invitation() {
    }

    public Invitation(UUID tenantId, String email, TenantRole role, byte[] tokenHash, @Nullable UUID invitedBy,
                      Instant expiresAt, Instant at) {
        if (tokenHash.length != 32) {
            throw new IllegalArgumentException("tokenHash must be a 32-byte SHA-256, was " + tokenHash.length + " bytes");
        }
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.email = UserAccount.normalizeEmail(email);
        this.role = Objects.requireNonNull(role, "role");
        this.tokenHash = tokenHash.clone();
        this.invitedBy = invitedBy;
        this.expiresAt = expiresAt;
        this.createdAt = at;
    }

    public boolean isOpenAt(Instant at) {
        return acceptedAt == null && at.isBefore(expiresAt);
    }

    public void accept(Instant at) {
        if (!isOpenAt(at)) {
            throw new IllegalStateException("Invitation " + id + " was already accepted or has expired");
        }
        this.acceptedAt = at;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getEmail() {
        return email;
    }

    public TenantRole getRole() {
        return role;
    }

    public byte[] getTokenHash() {
        return tokenHash.clone();
    }

    public Optional<UUID> getInvitedBy() {
        return Optional.ofNullable(invitedBy);
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Optional<Instant> getAcceptedAt() {
        return Optional.ofNullable(acceptedAt);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
