package io.tollgate.portal.webhooks;

import io.tollgate.model.account.Roles;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.webhook.Webhook;
import io.tollgate.model.webhook.WebhookAddressGuard;
import io.tollgate.model.webhook.WebhookDeliveryOutcome;
import io.tollgate.model.webhook.WebhookEvents;
import io.tollgate.model.webhook.WebhookRepository;
import io.tollgate.model.webhook.WebhookSender;
import io.tollgate.model.webhook.WebhookTarget;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.SecretTokens;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signed-in tenant's alert webhooks: registered (never to an address inside the platform's network, see
 * {@link WebhookAddressGuard}) with a secret shown once (kept encrypted under the master key,
 * since billing signs with it), enabled or disabled, deleted, tried with a real signed test delivery, and their
 * recent deliveries. Every change is audited; the secret never is.
 */
@Service
@Transactional
public class WebhookService {

    static final int MOST_PER_TENANT = 20;
    static final int RECENT_DELIVERIES = 50;
    static final Duration ROTATION_GRACE = Duration.ofHours(24);
    private static final String SECRET_PREFIX = "whsec_";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WebhookRepository webhooks;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final CredentialCipher cipher;
    private final WebhookSender sender;
    private final Clock clock;
    private final WebhookAddressGuard guard;

    WebhookService(WebhookRepository webhooks, JdbcClient jdbc, CurrentUser currentUser, AuditLog audit,
                   CredentialCipher cipher, WebhookSender sender, Clock clock, WebhookAddressGuard guard) {
        this.webhooks = webhooks;
        this.guard = guard;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.cipher = cipher;
        this.sender = sender;
        this.clock = clock;
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public List<WebhookSummary> list() {
        return webhooks.findAllForListing().stream().map(this::summary).toList();
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public Optional<WebhookSummary> find(UUID webhookId) {
        return webhooks.findById(webhookId).map(this::summary);
    }

    /** Registers the webhook, enabled; the answer holds the signing secret, which is never shown again. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public CreatedWebhook create(WebhookDraft draft) {
        UUID tenantId = currentUser.tenantId();
        List<String> events = WebhookRules.check(draft);
        String url = draft.url().strip();
        guard.refusal(URI.create(url)).ifPresent(reason -> {
            throw new WebhookUrlRefused(reason);
        });
        // the tenant's row is locked so two concurrent registrations cannot both pass the count
        jdbc.sql("select id from tenants where id = ? for update").param(tenantId).query(UUID.class).single();
        if (webhooks.count() >= MOST_PER_TENANT) {
            throw PortalException.conflict("A tenant has at most " + MOST_PER_TENANT + " webhooks; delete one first");
        }
        String secret = newSecret();
        // bound to the webhook's id, as billing decrypts it: a ciphertext copied to another row does not decrypt
        Webhook webhook = webhooks.save(new Webhook(url, events,
                id -> cipher.encrypt(secret, id.toString()), clock.instant()));
        // the host only: some receivers carry a token in the URL's path or query
        audit.record(tenantId, "webhook.create", "webhook", webhook.getId(),
                Map.of("host", URI.create(url).getHost(), "events", String.join(",", events)));
        return new CreatedWebhook(summary(webhook), secret);
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    public void setEnabled(UUID webhookId, boolean enabled) {
        Webhook webhook = webhook(webhookId);
        if (enabled) {
            webhook.enable(clock.instant());
        } else {
            webhook.disable(clock.instant());
        }
        audit.record(currentUser.tenantId(), enabled ? "webhook.enable" : "webhook.disable", "webhook", webhookId,
                Map.of());
    }

    /**
     * Gives the webhook a new signing secret, returned here only. The secret it replaces keeps signing deliveries
     * beside the new one for {@link #ROTATION_GRACE}, so receivers can switch without missing one; a secret replaced
     * earlier and still in its grace stops signing at once (only two secrets sign at a time).
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public RotatedSecret rotateSecret(UUID webhookId) {
        Webhook webhook = webhook(webhookId);
        String secret = newSecret();
        Instant graceEnds = webhook.rotateSecret(id -> cipher.encrypt(secret, id.toString()), ROTATION_GRACE,
                clock.instant());
        audit.record(currentUser.tenantId(), "webhook.secret.rotate", "webhook", webhookId,
                Map.of("previousSecretValidUntil", graceEnds.toString()));
        return new RotatedSecret(webhookId, secret, graceEnds);
    }

    /** Deletes the webhook and its delivery history; budget alerts no longer reach it. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void delete(UUID webhookId) {
        webhooks.delete(webhook(webhookId));
        audit.record(currentUser.tenantId(), "webhook.delete", "webhook", webhookId, Map.of());
    }

    /**
     * Posts a {@code webhook.test} event, signed with the webhook's secret by the same sender billing's alerts use,
     * whether or not the webhook is enabled, and records it among the deliveries.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public DeliverySummary sendTest(UUID webhookId) {
        UUID tenantId = currentUser.tenantId();
        WebhookTarget target = webhook(webhookId).target();
        UUID eventId = UUID.randomUUID();
        WebhookDeliveryOutcome outcome = sender.deliver(target, eventId, WebhookEvents.TEST,
                testEvent(eventId, tenantId, webhookId));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("eventId", eventId);
        details.put("status", outcome.delivered() ? "DELIVERED" : "FAILED");
        details.put("httpStatus", outcome.httpStatus() == null ? "none" : outcome.httpStatus());
        audit.record(tenantId, "webhook.test", "webhook", webhookId, details);
        return deliveries(webhookId).stream().filter(delivery -> delivery.id().equals(outcome.deliveryId()))
                .findFirst().orElseThrow();
    }

    /** The latest deliveries to all the tenant's webhooks, newest first. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public List<DeliverySummary> recentDeliveries() {
        return recent(null);
    }

    /** The latest deliveries to one of the tenant's webhooks, newest first. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public List<DeliverySummary> deliveries(UUID webhookId) {
        find(webhookId).orElseThrow(() -> PortalException.notFound("Webhook"));
        return recent(webhookId);
    }

    private List<DeliverySummary> recent(@Nullable UUID webhookId) {
        return jdbc.sql("""
                        select d.id, d.webhook_id, w.url, d.event_id, d.event_type, d.status, d.attempts,
                               d.http_status, d.last_error, d.first_attempt_at, d.last_attempt_at
                        from webhook_deliveries d
                        join webhooks w on w.id = d.webhook_id and w.tenant_id = d.tenant_id
                        where d.tenant_id = ? and (?::uuid is null or d.webhook_id = ?)
                        order by d.last_attempt_at desc, d.id
                        limit ?""")
                .params(currentUser.tenantId(), webhookId, webhookId, RECENT_DELIVERIES)
                .query((rs, row) -> new DeliverySummary(rs.getObject("id", UUID.class),
                        rs.getObject("webhook_id", UUID.class), rs.getString("url"),
                        rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("status"),
                        rs.getInt("attempts"), rs.getObject("http_status", Integer.class), rs.getString("last_error"),
                        rs.getTimestamp("first_attempt_at").toInstant(),
                        rs.getTimestamp("last_attempt_at").toInstant()))
                .list();
    }

    private String testEvent(UUID eventId, UUID tenantId, UUID webhookId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenantId", tenantId.toString());
        data.put("webhookId", webhookId.toString());
        data.put("message", "A test delivery from Tollgate. Check its signature as you would a budget alert's.");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId.toString());
        event.put("type", WebhookEvents.TEST);
        event.put("createdAt", clock.instant().toString());
        event.put("data", data);
        return JSON.writeValueAsString(event);
    }

    private Webhook webhook(UUID webhookId) {
        return webhooks.findById(webhookId).orElseThrow(() -> PortalException.notFound("Webhook"));
    }

    private static String newSecret() {
        return SECRET_PREFIX + SecretTokens.generate();
    }

    private WebhookSummary summary(Webhook webhook) {
        return new WebhookSummary(webhook.getId(), webhook.getUrl(), webhook.getEvents(), webhook.isEnabled(),
                webhook.getCreatedAt(), webhook.previousSecretValidUntil(clock.instant()).orElse(null));
    }
}
