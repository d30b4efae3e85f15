package io.tollgate.portal.apps;

import java.time.Instant;
import java.util.UUID;

public record AppSummary(UUID id, String name, String description, String status, Instant createdAt,
                         AppCacheSettings cache) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
