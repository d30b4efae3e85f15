package io.tollgate.portal.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A registered webhook as listed; the signing secret is never read back. */
public record WebhookSummary(UUID id, String url, List<String> events, boolean enabled, Instant createdAt) {
}
