package io.tollgate.gateway.snapshot;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * @param cacheHitPerMillion the tenant's plan's price of an answer served from the response cache, USD per million
 *                           tokens the answer used when it was kept (0: hits are free)
 */
public record TenantEntry(UUID id, String slug, boolean suspended, UUID planId, BigDecimal cacheHitPerMillion) {
}
