package io.tollgate.model.apikey;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.jspecify.annotations.NullMarked;

/**
 * When a key was last used: read with its key (see {@link ApiKeyRepository#findAllListedByAppId}), written only by
 * the gateway's metering, in batches with JDBC. Kept apart from {@link ApiKey} so that metering writes do not fire
 * the configuration change notifications of {@code api_keys}.
 */
@Entity
@Immutable
@Table(name = "api_key_usage")
@NullMarked
public class ApiKeyUsage {

    @Id
    private UUID apiKeyId;
    private Instant lastUsedAt;

    protected ApiKeyUsage() {
    }

    public UUID getApiKeyId() {
        return apiKeyId;
    }

    public Instant getLastUsedAt() {
        return lastUsedAt;
    }
}
