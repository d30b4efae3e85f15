package io.tollgate.model.webhook;

import java.util.List;

/** The event types Tollgate posts to tenant webhooks. A tenant can subscribe only to types that are really sent. */
public final class WebhookEvents {

    /** A budget crossed one of its alert thresholds; sent by billing's budget alert dispatcher. */
    public static final String BUDGET_THRESHOLD = "budget.threshold";
    /** A test delivery asked for from the portal or the management API; sent whatever the webhook subscribes to. */
    public static final String TEST = "webhook.test";
    /** What a webhook can subscribe to. */
    public static final List<String> SUBSCRIBABLE = List.of(BUDGET_THRESHOLD);

    private WebhookEvents() {
    }
}
