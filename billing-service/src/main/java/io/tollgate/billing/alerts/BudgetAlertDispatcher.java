package io.tollgate.billing.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.model.webhook.WebhookDeliveryOutcome;
import io.tollgate.model.webhook.WebhookEvents;
import io.tollgate.model.webhook.WebhookSender;
import io.tollgate.model.webhook.WebhookTarget;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers budget_alerts rows: a signed webhook to each of the tenant's budget webhooks and an e-mail to each of
 * its billing contacts, each channel once. An alert is claimed with a row lock (SKIP LOCKED), so concurrent
 * dispatchers never send the same alert; its channel statuses and the per-webhook deliveries are committed with the
 * claim. Failures are retried with exponential backoff until maxAttempts, then the channel is FAILED. A crash after a send but
 * before the commit can repeat that one send: receivers dedupe by the event id. Every send is counted by channel
 * and outcome ({@code tollgate_billing_alert_deliveries_total}), for the "alert deliveries failing" alert.
 */
@Service
public class BudgetAlertDispatcher {

    private static final Logger log = LoggerFactory.getLogger(BudgetAlertDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WebhookSender webhooks;
    private final AlertEmailSender email;
    private final AlertPayload payload;
    private final AlertProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    BudgetAlertDispatcher(JdbcClient jdbc, TransactionTemplate transactions, WebhookSender webhooks,
                          AlertEmailSender email, AlertPayload payload, AlertProperties properties, Clock clock,
                          MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.webhooks = webhooks;
        this.email = email;
        this.payload = payload;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        // every series from the start, so the first failure shows as an increase
        for (String channel : new String[] {"webhook", "email"}) {
            deliveries(channel, "sent");
            deliveries(channel, "failed");
        }
    }

    /** @return how many alerts were worked on (delivered, skipped or rescheduled) */
    public int dispatchDue() {
        int handled = 0;
        while (handled < properties.batchSize() && Boolean.TRUE.equals(transactions.execute(status -> deliverNext()))) {
            handled++;
        }
        return handled;
    }

    private boolean deliverNext() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<PendingAlert> next = jdbc.sql(AlertSql.CLAIM_NEXT).param("now", now).query(PendingAlert.class)
                .optional();
        if (next.isEmpty()) {
            return false;
        }
        PendingAlert alert = next.get();
        List<String> errors = new ArrayList<>();
        String webhookStatus = alert.webhookPending() ? deliverWebhooks(alert, errors) : alert.webhookStatus();
        String emailStatus = alert.emailPending() ? deliverEmail(alert, errors) : alert.emailStatus();
        int attempts = alert.attempts() + 1;
        boolean retry = !errors.isEmpty() && attempts < properties.maxAttempts();
        if (!errors.isEmpty() && !retry) {
            webhookStatus = webhookStatus.equals("PENDING") ? "FAILED" : webhookStatus;
            emailStatus = emailStatus.equals("PENDING") ? "FAILED" : emailStatus;
        }
        jdbc.sql("""
                        update budget_alerts set webhook_status = :webhook, email_status = :email, attempts = :attempts,
                                                 next_attempt_at = :next, last_error = :error
                        where id = :id""")
                .param("webhook", webhookStatus).param("email", emailStatus).param("attempts", attempts)
                .param("next", retry ? now.plus(properties.backoffAfter(attempts)) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("error", errors.isEmpty() ? null : String.join("; ", errors), java.sql.Types.VARCHAR)
                .param("id", alert.id()).update();
        if (!errors.isEmpty()) {
            log.warn("Budget alert {} attempt {} failed ({}); {}", alert.id(), attempts, String.join("; ", errors),
                    retry ? "will retry" : "giving up");
        }
        return true;
    }

    private String deliverWebhooks(PendingAlert alert, List<String> errors) {
        List<WebhookTarget> targets = jdbc.sql(AlertSql.UNDELIVERED_WEBHOOKS)
                .param("tenant", alert.tenantId()).param("alert", alert.id())
                .query((rs, row) -> WebhookTarget.read(alert.tenantId(), rs))
                .list();
        boolean anyConfigured = jdbc.sql(AlertSql.COUNT_WEBHOOKS).param("tenant", alert.tenantId())
                .query(Integer.class).single() > 0;
        if (!anyConfigured) {
            return "SKIPPED";
        }
        String body = payload.json(alert);
        int failures = 0;
        for (WebhookTarget target : targets) {
            String error = deliverWebhook(target, alert, body);
            deliveries("webhook", error == null ? "sent" : "failed").increment();
            if (error != null) {
                failures++;
                errors.add(error);
            }
        }
        return failures == 0 ? "SENT" : "PENDING";
    }

    /** @return why the webhook was not reached, or null when it was */
    private @Nullable String deliverWebhook(WebhookTarget target, PendingAlert alert, String body) {
        try {
            // recorded in webhook_deliveries, which the next retry reads to skip the webhooks already reached
            WebhookDeliveryOutcome outcome = webhooks.deliver(target, alert.id(), WebhookEvents.BUDGET_THRESHOLD, body);
            return outcome.delivered() ? null : outcome.error();
        } catch (RuntimeException e) {
            // e.g. a secret under a master key that is no longer configured
            return "webhook " + target.webhookId() + ": " + e.getClass().getSimpleName();
        }
    }

    private String deliverEmail(PendingAlert alert, List<String> errors) {
        List<String> recipients = email.recipients(alert);
        if (recipients.isEmpty()) {
            return "SKIPPED";
        }
        try {
            email.send(alert, recipients);
            deliveries("email", "sent").increment();
            return "SENT";
        } catch (DeliveryException e) {
            deliveries("email", "failed").increment();
            errors.add(e.getMessage());
            return "PENDING";
        }
    }

    private Counter deliveries(String channel, String outcome) {
        return Counter.builder("tollgate.billing.alert.deliveries")
                .description("Budget alert sends by channel and outcome")
                .tags("channel", channel, "outcome", outcome).register(meters);
    }
}
