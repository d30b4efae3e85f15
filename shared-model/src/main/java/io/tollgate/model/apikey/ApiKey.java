package io.tollgate.model.apikey;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * An app's API key, stored as its prefix ({@code tg_} + 8, shown in lists and used to find the row) and an
 * HMAC-SHA-256 of the whole key under the server secret named by {@code hashKeyId}. The key itself is never stored.
 * Its tenant is the session's ({@link TenantId}), as for its {@code App}.
 */
@Entity
@Table(name = "api_keys")
@NullMarked
public class ApiKey extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @TenantId
    private UUID tenantId;
    private UUID appId;
    private String name;
    private String prefix;
    private byte[] secretHash;
    private String hashKeyId;
    @Enumerated(EnumType.STRING)
    private ApiKeyStatus status;
    private @Nullable Instant expiresAt;
    private @Nullable Instant revokedAt;
    private @Nullable UUID createdBy;
    private @Nullable UUID rotatedFrom;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected ApiKey() {
    }

    private ApiKey(UUID appId, String name, String prefix, byte[] secretHash, String hashKeyId,
                   @Nullable Instant expiresAt, @Nullable UUID createdBy, @Nullable UUID rotatedFrom, Instant at) {
        if (secretHash.length != 32) {
            throw new IllegalArgumentException("secretHash must be a 32-byte HMAC-SHA-256, was " + secretHash.length + " bytes");
        }
        this.id = UUID.randomUUID();
        this.appId = Objects.requireNonNull(appId, "appId");
        this.name = Objects.requireNonNull(name, "name");
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.secretHash = secretHash.clone();
        this.hashKeyId = Objects.requireNonNull(hashKeyId, "hashKeyId");
        this.status = ApiKeyStatus.ACTIVE;
        this.expiresAt = expiresAt == null ? null : stored(expiresAt);
        this.createdBy = createdBy;
        this.rotatedFrom = rotatedFrom;
        this.createdAt = stored(at);
        this.updatedAt = stored(at);
    }

    /**
     * The row of a freshly generated key; its plaintext is shown to the owner once and never stored.
     *
     * @param expiresAt when the key stops working; null = never
     */
    public static ApiKey issue(UUID appId, String name, GeneratedApiKey generated, @Nullable Instant expiresAt,
                               @Nullable UUID createdBy, Instant at) {
        return new ApiKey(appId, name, generated.prefix(), generated.hash(), generated.hashKeyId(), expiresAt,
                createdBy, null, at);
    }

    /**
     * The successor of this active key: same app, name and expiry, linked to this one, which keeps working until
     * {@code graceEnd} (or its own expiry, if that comes first).
     */
    public ApiKey rotate(GeneratedApiKey generated, Instant graceEnd, @Nullable UUID createdBy, Instant at) {
        requireActive();
        ApiKey successor = new ApiKey(appId, name, generated.prefix(), generated.hash(), generated.hashKeyId(),
                expiresAt, createdBy, id, at);
        if (expiresAt == null || graceEnd.isBefore(expiresAt)) {
            this.expiresAt = stored(graceEnd);
        }
        this.updatedAt = stored(at);
        return successor;
    }

    /** Revokes this active key; the gateway refuses it from then on. */
    public void revoke(Instant at) {
        requireActive();
        this.status = ApiKeyStatus.REVOKED;
        this.revokedAt = stored(at);
        this.updatedAt = stored(at);
    }

    public boolean isActive() {
        return status == ApiKeyStatus.ACTIVE;
    }

    private void requireActive() {
        if (!isActive()) {
            throw new IllegalStateException("API key " + id + " is revoked");
        }
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public UUID getAppId() {
        return appId;
    }

    public String getName() {
        return name;
    }

    public String getPrefix() {
        return prefix;
    }

    public byte[] getSecretHash() {
        return secretHash.clone();
    }

    public String getHashKeyId() {
        return hashKeyId;
    }

    public ApiKeyStatus getStatus() {
        return status;
    }

    public Optional<Instant> getExpiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    public Optional<Instant> getRevokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    public Optional<UUID> getCreatedBy() {
        return Optional.ofNullable(createdBy);
    }

    public Optional<UUID> getRotatedFrom() {
        return Optional.ofNullable(rotatedFrom);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }

    @Override
    public String toString() {
        return "ApiKey[" + id + ", " + prefix + "..., " + status + "]";
    }
}
