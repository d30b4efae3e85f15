package io.tollgate.portal.webhooks;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook's new signing secret in plain text, handed out once; deliveries are signed with the secret it replaced
 * too until {@code previousSecretValidUntil}.
 */
public record RotatedSecret(UUID webhookId, String secret, Instant previousSecretValidUntil) {

    @Override
    public String toString() {
        return "RotatedSecret[" + webhookId + ", secret=<redacted>, previousSecretValidUntil="
                + previousSecretValidUntil + "]";
    }
}
