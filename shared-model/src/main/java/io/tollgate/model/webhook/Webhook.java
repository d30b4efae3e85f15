package io.tollgate.model.webhook;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.crypto.EncryptedSecret;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Where a tenant wants events posted. The signing secret must be recoverable to sign, so it is stored encrypted
 * like provider credentials (ciphertext plus the id of the master key), never in plain text.
 */
@Entity
@Table(name = "webhooks")
public class Webhook extends PersistableEntity<UUID> {

    public static final String BUDGET_THRESHOLD = WebhookEvents.BUDGET_THRESHOLD;

    @Id
    private UUID id;
    private UUID tenantId;
    private String url;
    private byte[] secretCiphertext;
    private String secretKeyId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private List<String> events;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Webhook() {
    }

    public Webhook(UUID tenantId, String url, EncryptedSecret secret, List<String> events, Instant at) {
        this.id = UUID.randomUUID();
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.url = Objects.requireNonNull(url, "url");
        this.secretCiphertext = secret.ciphertext();
        this.secretKeyId = secret.keyId();
        this.events = List.copyOf(events);
        this.enabled = true;
        this.createdAt = at;
        this.updatedAt = at;
    }

    public void changeTarget(String url, List<String> events, Instant at) {
        this.url = Objects.requireNonNull(url, "url");
        this.events = List.copyOf(events);
        this.updatedAt = at;
    }

    public void replaceSecret(EncryptedSecret secret, Instant at) {
        this.secretCiphertext = secret.ciphertext();
        this.secretKeyId = secret.keyId();
        this.updatedAt = at;
    }

    public void changeEnabled(boolean enabled, Instant at) {
        this.enabled = enabled;
        this.updatedAt = at;
    }

    public boolean subscribesTo(String event) {
        return enabled && events.contains(event);
    }

    @Override
    public UUID getId() {
        return id;
    }

    public UUID getTenantId() {
        return tenantId;
    }

    public String getUrl() {
        return url;
    }

    /** The encrypted signing secret; decrypt it with {@code CredentialCipher} only to sign a delivery. */
    public EncryptedSecret getSecret() {
        return new EncryptedSecret(secretCiphertext, secretKeyId);
    }

    public List<String> getEvents() {
        return List.copyOf(events);
    }

    public boolean isEnabled() {
        return enabled;
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
        return "Webhook[" + id + ", " + url + "]";
    }
}
