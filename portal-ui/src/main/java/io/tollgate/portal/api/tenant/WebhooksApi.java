package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.model.webhook.WebhookEvents;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.webhooks.CreatedWebhook;
import io.tollgate.portal.webhooks.DeliverySummary;
import io.tollgate.portal.webhooks.RotatedSecret;
import io.tollgate.portal.webhooks.WebhookDraft;
import io.tollgate.portal.webhooks.WebhookService;
import io.tollgate.portal.webhooks.WebhookSummary;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's alert webhooks, through {@link WebhookService} as on the Webhooks screen. The signing secret is
 * returned once, by the create call.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Where budget alerts are posted, signed; their secrets rotated (tenant ADMIN)")
class WebhooksApi {

    /** previous_secret_valid_until: after a rotation, until when the replaced secret still signs (else absent). */
    record Webhook(UUID id, String url, List<String> events, boolean enabled, Instant createdAt,
                   @Nullable Instant previousSecretValidUntil) {

        static Webhook of(WebhookSummary webhook) {
            return new Webhook(webhook.id(), webhook.url(), webhook.events(), webhook.enabled(), webhook.createdAt(),
                    webhook.previousSecretValidUntil());
        }
    }

    /**
     * The only answer that holds the new signing secret. Until previous_secret_valid_until each delivery carries a
     * v1 signature with each secret, the new one first.
     */
    record NewSecret(UUID webhookId, String secret, Instant previousSecretValidUntil) {

        static NewSecret of(RotatedSecret rotated) {
            return new NewSecret(rotated.webhookId(), rotated.secret(), rotated.previousSecretValidUntil());
        }

        @Override
        public String toString() {
            return "NewSecret[webhookId=" + webhookId + ", secret=<redacted>]";
        }
    }

    /** The only answer that holds the signing secret; Tollgate keeps it encrypted and never returns it again. */
    record NewWebhook(UUID id, String url, List<String> events, boolean enabled, Instant createdAt, String secret) {

        static NewWebhook of(CreatedWebhook created) {
            WebhookSummary webhook = created.webhook();
            return new NewWebhook(webhook.id(), webhook.url(), webhook.events(), webhook.enabled(),
                    webhook.createdAt(), created.secret());
        }

        @Override
        public String toString() {
            return "NewWebhook[id=" + id + ", url=" + url + ", secret=<redacted>]";
        }
    }

    /** events: what the webhook receives; today only "budget.threshold" is sent (the default). */
    record WebhookRequest(String url, @Nullable Set<String> events) {
    }

    /** One event's delivery: the last attempt's status (DELIVERED or FAILED) and HTTP answer, and the attempts. */
    record Delivery(UUID id, UUID webhookId, UUID eventId, String eventType, String status, int attempts,
                    @Nullable Integer httpStatus, @Nullable String error, Instant firstAttemptAt,
                    Instant lastAttemptAt) {

        static Delivery of(DeliverySummary d) {
            return new Delivery(d.id(), d.webhookId(), d.eventId(), d.eventType(), d.status(), d.attempts(),
                    d.httpStatus(), d.error(), d.firstAttemptAt(), d.lastAttemptAt());
        }
    }

    private final WebhookService webhooks;

    WebhooksApi(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    CursorPage<Webhook> list(@RequestParam(required = false) @Nullable String cursor,
                             @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(webhooks.list().stream().map(Webhook::of).toList(), Webhook::id, cursor, limit);
    }

    @PostMapping
    ResponseEntity<NewWebhook> create(@RequestBody WebhookRequest request) {
        NewWebhook created = NewWebhook.of(webhooks.create(new WebhookDraft(request.url() == null ? "" : request.url(),
                request.events() == null ? Set.of(WebhookEvents.BUDGET_THRESHOLD)
                        : request.events())));
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.id())).body(created);
    }

    /** A new signing secret; the current one keeps signing beside it for 24 hours. */
    @PostMapping("/{webhookId}/rotate-secret")
    NewSecret rotateSecret(@PathVariable UUID webhookId) {
        return NewSecret.of(webhooks.rotateSecret(webhookId));
    }

    @DeleteMapping("/{webhookId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID webhookId) {
        webhooks.delete(webhookId);
    }

    /** Posts a signed "webhook.test" event now and answers how it went; a receiver's refusal is a FAILED delivery. */
    @PostMapping("/{webhookId}/test")
    Delivery test(@PathVariable UUID webhookId) {
        return Delivery.of(webhooks.sendTest(webhookId));
    }

    /** The webhook's latest deliveries, newest first. */
    @GetMapping("/{webhookId}/deliveries")
    CursorPage<Delivery> deliveries(@PathVariable UUID webhookId,
                                    @RequestParam(required = false) @Nullable String cursor,
                                    @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(webhooks.deliveries(webhookId).stream().map(Delivery::of).toList(), Delivery::id, cursor,
                limit);
    }
}
