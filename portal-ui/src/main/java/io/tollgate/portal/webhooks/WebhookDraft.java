package io.tollgate.portal.webhooks;

import io.tollgate.model.webhook.WebhookEvents;
import java.util.Set;

/** What a tenant admin enters for a webhook: where it posts and which event types it receives. */
public record WebhookDraft(String url, Set<String> events) {

    /** A new webhook's form: no URL yet, every event Tollgate sends chosen. */
    public static WebhookDraft empty() {
        return new WebhookDraft("", Set.copyOf(WebhookEvents.SUBSCRIBABLE));
    }
}
