package io.tollgate.model.webhook;

import io.tollgate.model.crypto.EncryptedSecret;
import java.util.UUID;

/** A webhook as the sender needs it: whose it is, where it posts, and its encrypted signing secret. */
public record WebhookTarget(UUID tenantId, UUID webhookId, String url, EncryptedSecret secret) {

    @Override
    public String toString() {
        return "WebhookTarget[" + webhookId + ", " + url + "]";
    }
}
