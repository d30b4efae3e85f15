package io.tollgate.portal.apps;

import java.time.Instant;
import java.util.UUID;

/** An app as listed; {@code version} is what an update must name (optimistic concurrency). */
public record AppSummary(UUID id, String name, String description, String status, Instant createdAt,
                         AppCacheSettings cache, long version) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
