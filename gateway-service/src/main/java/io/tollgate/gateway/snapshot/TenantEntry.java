package io.tollgate.gateway.snapshot;

import java.util.UUID;

public record TenantEntry(UUID id, String slug, boolean suspended, UUID planId) {
}
