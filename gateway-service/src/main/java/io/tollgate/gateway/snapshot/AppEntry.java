package io.tollgate.gateway.snapshot;

import java.util.UUID;

/**
 * @param cacheEnabled           the tenant admin opted the app in to the exact response cache
 * @param cacheNondeterministic  the cache may also keep answers to requests that can differ from call to call
 *                               (temperature above 0 or not set, a {@code user} field)
 */
public record AppEntry(UUID id, UUID tenantId, String name, boolean active, boolean cacheEnabled,
                       boolean cacheNondeterministic) {
}
