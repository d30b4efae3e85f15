package io.tollgate.portal.tokens;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A token as listed: never its secret, only the public prefix. {@code tenantId} is null for platform tokens. */
public record AccessTokenSummary(UUID id, String kind, @Nullable UUID tenantId, String name, String role,
                                 String prefix, String status, @Nullable String ownerEmail, Instant expiresAt,
                                 @Nullable Instant lastUsedAt, Instant createdAt) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
