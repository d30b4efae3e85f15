package io.tollgate.portal.webhooks;

import java.util.UUID;

/** A new webhook with its signing secret in plain text: handed out once, then only the ciphertext remains. */
public record CreatedWebhook(WebhookSummary webhook, String secret) {

    public UUID id() {
        return webhook.id();
    }

    @Override
    public String toString() {
        return "CreatedWebhook[" + webhook + ", secret=<redacted>]";
    }
}
