package io.tollgate.gateway.snapshot;

import java.util.UUID;

public record AppEntry(UUID id, UUID tenantId, String name, boolean active) {
}
