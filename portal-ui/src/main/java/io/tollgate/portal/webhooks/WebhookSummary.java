package io.tollgate.portal.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A registered webhook as listed; the signing secret is never read back.
 *
 * @param previousSecretValidUntil after a rotation, until when the replaced secret still signs; null when none does
 */
public record WebhookSummary(UUID id, String url, List<String> events, boolean enabled, Instant createdAt,
                             @Nullable Instant previousSecretValidUntil) {
}
