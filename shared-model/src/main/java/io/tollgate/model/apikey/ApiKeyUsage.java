package io.tollgate.model.apikey;

import io.tollgate.model.PersistableEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.NullMarked;

/**
 * When a key was last used. Kept apart from {@link ApiKey} so that metering writes do not fire the
 * configuration change notifications of {@code api_keys}.
 */
@Entity
@Table(name = "api_key_usage")
@NullMarked
public class ApiKeyUsage extends PersistableEntity<UUID> {

    @Id
    private UUID apiKeyId;
    private Instant lastUsedAt;

    protected ApiKeyUsage() {
    }

    public ApiKeyUsage(UUID apiKeyId, Instant lastUsedAt) {
        this.apiKeyId = Objects.requireNonNull(apiKeyId, "apiKeyId");
        this.lastUsedAt = Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    /** Moves the last use forward; an older, late-arriving use changes nothing. */
    public void recordUse(Instant at) {
        if (at.isAfter(lastUsedAt)) {
            this.lastUsedAt = at;
        }
    }

    @Override
    public UUID getId() {
        return apiKeyId;
    }

    public UUID getApiKeyId() {
        return apiKeyId;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
