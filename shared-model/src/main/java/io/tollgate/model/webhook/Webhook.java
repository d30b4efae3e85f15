package io.tollgate.model.webhook;

import io.tollgate.model.PersistableEntity;
import io.tollgate.model.crypto.EncryptedSecret;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.annotations.TenantId;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's alert webhook: where billing posts the events it subscribes to, signed with its secret. The secret is
 * kept encrypted (billing must recover it to sign) and bound to the webhook's id, so a ciphertext copied to another
 * row does not decrypt. After a rotation the replaced secret keeps signing until its grace ends. Its tenant is the
 * session's ({@link TenantId}).
 */
@Entity
@Table(name = "webhooks")
public class Webhook extends PersistableEntity<UUID> {

    @Id
    private UUID id;
    @TenantId
    private UUID tenantId;
    private String url;
    private byte[] secretCiphertext;
    private String secretKeyId;
    private byte @Nullable [] previousSecretCiphertext;
    private @Nullable String previousSecretKeyId;
    private @Nullable Instant previousSecretExpiresAt;
    private String[] events;
    private boolean enabled;
    private Instant createdAt;
    private Instant updatedAt;
    @Version
    private long version;

    protected Webhook() {
    }

    /**
     * A new webhook, enabled.
     *
     * @param sealSecret encrypts the signing secret for the webhook's id (its associated data)
     */
    public Webhook(String url, List<String> events, Function<UUID, EncryptedSecret> sealSecret, Instant at) {
        this.id = UUID.randomUUID();
        this.url = Objects.requireNonNull(url, "url");
        this.events = events.toArray(String[]::new);
        useSecret(sealSecret.apply(id));
        this.enabled = true;
        this.createdAt = stored(at);
        this.updatedAt = stored(at);
    }

    public void enable(Instant at) {
        this.enabled = true;
        this.updatedAt = stored(at);
    }

    /** Billing stops posting to it; a test delivery still reaches it. */
    public void disable(Instant at) {
        this.enabled = false;
        this.updatedAt = stored(at);
    }

    /**
     * Signs with a new secret from now on. The secret it replaces keeps signing beside it for {@code grace}; a secret
     * replaced earlier and still in its grace stops signing at once, so two secrets sign at most.
     *
     * @param sealSecret encrypts the new signing secret for the webhook's id, as on registration
     * @return when the replaced secret stops signing
     */
    public Instant rotateSecret(Function<UUID, EncryptedSecret> sealSecret, Duration grace, Instant at) {
        // the replaced secret moves as its ciphertext: same webhook, same associated data
        this.previousSecretCiphertext = secretCiphertext;
        this.previousSecretKeyId = secretKeyId;
        this.previousSecretExpiresAt = stored(at).plus(grace);
        useSecret(sealSecret.apply(id));
        this.updatedAt = stored(at);
        return previousSecretExpiresAt;
    }

    private void useSecret(EncryptedSecret secret) {
        this.secretCiphertext = secret.ciphertext();
        this.secretKeyId = secret.keyId();
    }

    /** Until when the secret a rotation replaced still signs, if it still does at {@code now}. */
    public Optional<Instant> previousSecretValidUntil(Instant now) {
        return Optional.ofNullable(previousSecretExpiresAt).filter(expires -> expires.isAfter(now));
    }

    /** Where and how the sender posts to this webhook. */
    public WebhookTarget target() {
        Optional<WebhookTarget.RetiringSecret> retiring = previousSecretCiphertext == null
                || previousSecretKeyId == null || previousSecretExpiresAt == null ? Optional.empty()
                : Optional.of(new WebhookTarget.RetiringSecret(
                        new EncryptedSecret(previousSecretCiphertext, previousSecretKeyId), previousSecretExpiresAt));
        return new WebhookTarget(tenantId, id, url, new EncryptedSecret(secretCiphertext, secretKeyId), retiring);
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

    public List<String> getEvents() {
        return List.of(events);
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    /** The host only: some receivers carry a token in the URL's path or query. */
    @Override
    public String toString() {
        return "Webhook[" + id + ", " + WebhookTarget.host(url) + "]";
    }
}
