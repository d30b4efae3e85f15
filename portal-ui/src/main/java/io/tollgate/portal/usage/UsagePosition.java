package io.tollgate.portal.usage;

import java.time.Instant;
import java.util.UUID;

/** Where a page of usage ended: the last event's time and id. */
public record UsagePosition(Instant occurredAt, UUID id) {
}
