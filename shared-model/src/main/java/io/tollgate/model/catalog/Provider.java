package io.tollgate.model.catalog;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.crypto.EncryptedSecret;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * An upstream LLM provider account. Its credential is stored only encrypted (AES-256-GCM under the master
 * key named by {@code credentialKeyId}); this entity never sees the plaintext.
 */
@Entity
@Table(name = "providers")
@NullMarked
public class Provider extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    private String name;
    @Enumerated(EnumType.STRING)
    private ProviderType type;
    private @Nullable String baseUrl;
    private byte @Nullable [] credentialCiphertext;
    private @Nullable String credentialKeyId;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> settings;
    private boolean enabled;
    private int connectTimeoutMs;
    private int responseTimeoutMs;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Provider() {
    }

    public Provider(String name, ProviderType type, @Nullable String baseUrl, Instant at) {
        this.id = UUID.randomUUID();
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.baseUrl = baseUrl;
        this.settings = new LinkedHashMap<>();
        this.enabled = true;
        this.connectTimeoutMs = 5_000;
        this.responseTimeoutMs = 120_000;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** Stores a credential already encrypted with {@code CredentialCipher}, with the id of its master key. */
    public void storeCredential(EncryptedSecret credential, Instant at) {
        this.credentialCiphertext = credential.ciphertext();
        this.credentialKeyId = credential.keyId();
        this.updatedAt = at;
    }

    public void clearCredential(Instant at) {
        this.credentialCiphertext = null;
        this.credentialKeyId = null;
        this.updatedAt = at;
    }

    public void changeEndpoint(@Nullable String baseUrl, int connectTimeoutMs, int responseTimeoutMs, Instant at) {
        this.baseUrl = baseUrl;
        this.connectTimeoutMs = connectTimeoutMs;
        this.responseTimeoutMs = responseTimeoutMs;
        this.updatedAt = at;
    }

    /** Provider-specific settings, e.g. {@code {"apiVersion": "..."}} for Azure or {@code {"latencyMs": 20}} for mock. */
    public void changeSettings(Map<String, Object> settings, Instant at) {
        this.settings = new LinkedHashMap<>(settings);
        this.updatedAt = at;
    }

    public void changeEnabled(boolean enabled, Instant at) {
        this.enabled = enabled;
        this.updatedAt = at;
    }

    @Override
    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public ProviderType getType() {
        return type;
    }

    public Optional<String> getBaseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    /** The encrypted credential; decrypt it with {@code CredentialCipher} only where the call is made. */
    public Optional<EncryptedSecret> getCredential() {
        if (credentialCiphertext == null || credentialKeyId == null) {
            return Optional.empty();
        }
        return Optional.of(new EncryptedSecret(credentialCiphertext, credentialKeyId));
    }

    public Map<String, Object> getSettings() {
        return Collections.unmodifiableMap(settings);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public int getConnectTimeoutMs() {
        return connectTimeoutMs;
    }

    public int getResponseTimeoutMs() {
        return responseTimeoutMs;
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
        return "Provider[" + id + ", " + name + ", " + type + "]";
    }
}
