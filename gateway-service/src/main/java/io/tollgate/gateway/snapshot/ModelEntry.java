package io.tollgate.gateway.snapshot;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A catalog model that clients may call (DISABLED models are left out of the snapshot). */
public record ModelEntry(UUID id, String name, String displayName, Set<String> capabilities,
                         int contextWindow, Instant createdAt) {
}
