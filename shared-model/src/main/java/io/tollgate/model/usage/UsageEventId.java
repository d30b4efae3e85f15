package io.tollgate.model.usage;

import java.time.Instant;
import java.util.UUID;

/** The key of a usage event: the gateway's request id and when it occurred (the partition key). */
public record UsageEventId(UUID id, Instant occurredAt) {
}
