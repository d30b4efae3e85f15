package io.tollgate.gateway.snapshot;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API key as the gateway checks it: the stored hash, never the key. */
public record KeyEntry(UUID id, UUID tenantId, UUID appId, String prefix, byte[] secretHash, boolean revoked,
                       @Nullable Instant expiresAt) {

    public boolean expiredAt(Instant instant) {
        return expiresAt != null && !instant.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "KeyEntry[" + prefix + ", id=" + id + "]";
    }
}
