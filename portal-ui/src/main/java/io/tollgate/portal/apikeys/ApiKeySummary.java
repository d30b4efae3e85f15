package io.tollgate.portal.apikeys;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record ApiKeySummary(UUID id, String name, String prefix, String status, Instant createdAt,
                            @Nullable Instant lastUsedAt, @Nullable Instant expiresAt) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
