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
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's invitation of an address to a role, by a one-time link: only the SHA-256 of the link's token is kept. It
 * is accepted once and before it expires; resending gives it a new token and a new expiry, which ends the old link.
 * Its tenant is the session's ({@link TenantId}); the link's holder accepts it in the platform scope, acting for no
 * tenant yet.
 */
@Entity
@Table(name = "invitations")
public class Invitation extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @TenantId
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

    /** @param email in lower case, as accounts keep it */
    public Invitation(String email, TenantRole role, byte[] tokenHash, UUID invitedBy, Instant expiresAt, Instant at) {
        this.id = UUID.randomUUID();
        this.email = Objects.requireNonNull(email, "email");
        this.role = Objects.requireNonNull(role, "role");
        this.tokenHash = tokenHash.clone();
        this.invitedBy = Objects.requireNonNull(invitedBy, "invitedBy");
        this.expiresAt = stored(expiresAt);
        this.createdAt = stored(at);
    }

    /**
     * A new link and a new expiry, also after it expired; the old link stops working.
     *
     * @throws IllegalStateException once accepted
     */
    public void renew(byte[] tokenHash, Instant expiresAt) {
        requireNotAccepted();
        this.tokenHash = tokenHash.clone();
        this.expiresAt = stored(expiresAt);
    }

    /** @throws IllegalStateException once accepted, or when expired */
    public void accept(Instant at) {
        requireNotAccepted();
        if (isExpired(at)) {
            throw new IllegalStateException("Invitation " + id + " expired at " + expiresAt);
        }
        this.acceptedAt = stored(at);
    }

    public boolean isAccepted() {
        return acceptedAt != null;
    }

    /** Expired from its expiry time on. */
    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public boolean isOpen(Instant now) {
        return !isAccepted() && !isExpired(now);
    }

    private void requireNotAccepted() {
        if (isAccepted()) {
            throw new IllegalStateException("Invitation " + id + " was accepted already");
        }
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
