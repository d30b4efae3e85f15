package io.tollgate.portal.webhooks;

import io.tollgate.model.account.Roles;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.EncryptedSecret;
import io.tollgate.model.webhook.WebhookAddressGuard;
import io.tollgate.model.webhook.WebhookDeliveryOutcome;
import io.tollgate.model.webhook.WebhookEvents;
import io.tollgate.model.webhook.WebhookSender;
import io.tollgate.model.webhook.WebhookTarget;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.SecretTokens;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final CredentialCipher cipher;
    private final WebhookSender sender;
    private final Clock clock;
    private final WebhookAddressGuard guard;

    WebhookService(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, CredentialCipher cipher,
                   WebhookSender sender, Clock clock, WebhookAddressGuard guard) {
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
        return jdbc.sql("""
                        select id, url, events, enabled, created_at, previous_secret_expires_at from webhooks
                        where tenant_id = ? order by created_at, id""")
                .param(currentUser.tenantId()).query(this::summary).list();
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    @Transactional(readOnly = true)
    public Optional<WebhookSummary> find(UUID webhookId) {
        return jdbc.sql("""
                        select id, url, events, enabled, created_at, previous_secret_expires_at from webhooks
                        where id = ? and tenant_id = ?""")
                .params(webhookId, currentUser.tenantId()).query(this::summary).optional();
    }

    /** Registers the webhook, enabled; the answer holds the signing secret, which is never shown again. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public CreatedWebhook create(WebhookDraft draft) {
        UUID tenantId = currentUser.tenantId();
        List<String> events = WebhookRules.check(draft);
        guard.refusal(URI.create(draft.url().strip())).ifPresent(reason -> {
            throw new WebhookUrlRefused(reason);
        });
        // the tenant's row is locked so two concurrent registrations cannot both pass the count
        jdbc.sql("select id from tenants where id = ? for update").param(tenantId).query(UUID.class).single();
        long existing = jdbc.sql("select count(*) from webhooks where tenant_id = ?").param(tenantId)
                .query(Long.class).single();
        if (existing >= MOST_PER_TENANT) {
            throw PortalException.conflict("A tenant has at most " + MOST_PER_TENANT + " webhooks; delete one first");
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        String secret = SECRET_PREFIX + SecretTokens.generate();
        // bound to the webhook's id, as billing decrypts it: a ciphertext copied to another row does not decrypt
        EncryptedSecret encrypted = cipher.encrypt(secret, id.toString());
        jdbc.sql("""
                        insert into webhooks (id, tenant_id, url, secret_ciphertext, secret_key_id, events, enabled,
                                              created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(id, tenantId, draft.url().strip(), encrypted.ciphertext(), encrypted.keyId(),
                        events.toArray(String[]::new), now, now)
                .update();
        // the host only: some receivers carry a token in the URL's path or query
        audit.record(tenantId, "webhook.create", "webhook", id,
                Map.of("host", URI.create(draft.url().strip()).getHost(), "events", String.join(",", events)));
        return new CreatedWebhook(find(id).orElseThrow(), secret);
    }

    @RolesAllowed(Roles.TENANT_ADMIN)
    public void setEnabled(UUID webhookId, boolean enabled) {
        UUID tenantId = currentUser.tenantId();
        int changed = jdbc.sql("""
                        update webhooks set enabled = ?, updated_at = ?, version = version + 1
                        where id = ? and tenant_id = ?""")
                .params(enabled, clock.instant().atOffset(ZoneOffset.UTC), webhookId, tenantId).update();
        if (changed == 0) {
            throw PortalException.notFound("Webhook");
        }
        audit.record(tenantId, enabled ? "webhook.enable" : "webhook.disable", "webhook", webhookId, Map.of());
    }

    /**
     * Gives the webhook a new signing secret, returned here only. The secret it replaces keeps signing deliveries
     * beside the new one for {@link #ROTATION_GRACE}, so receivers can switch without missing one; a secret replaced
     * earlier and still in its grace stops signing at once (only two secrets sign at a time).
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public RotatedSecret rotateSecret(UUID webhookId) {
        UUID tenantId = currentUser.tenantId();
        String secret = SECRET_PREFIX + SecretTokens.generate();
        EncryptedSecret encrypted = cipher.encrypt(secret, webhookId.toString());
        // PostgreSQL keeps microseconds: the time returned is then the time stored
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        OffsetDateTime graceEnds = now.plus(ROTATION_GRACE);
        // the replaced secret moves as its ciphertext: same webhook, same associated data
        int rotated = jdbc.sql("""
                        update webhooks set previous_secret_ciphertext = secret_ciphertext,
                                            previous_secret_key_id = secret_key_id,
                                            previous_secret_expires_at = ?,
                                            secret_ciphertext = ?, secret_key_id = ?,
                                            updated_at = ?, version = version + 1
                        where id = ? and tenant_id = ?""")
                .params(graceEnds, encrypted.ciphertext(), encrypted.keyId(), now, webhookId, tenantId).update();
        if (rotated == 0) {
            throw PortalException.notFound("Webhook");
        }
        audit.record(tenantId, "webhook.secret.rotate", "webhook", webhookId,
                Map.of("previousSecretValidUntil", graceEnds.toInstant().toString()));
        return new RotatedSecret(webhookId, secret, graceEnds.toInstant());
    }

    /** Deletes the webhook and its delivery history; budget alerts no longer reach it. */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public void delete(UUID webhookId) {
        UUID tenantId = currentUser.tenantId();
        if (jdbc.sql("delete from webhooks where id = ? and tenant_id = ?").params(webhookId, tenantId).update() == 0) {
            throw PortalException.notFound("Webhook");
        }
        audit.record(tenantId, "webhook.delete", "webhook", webhookId, Map.of());
    }

    /**
     * Posts a {@code webhook.test} event, signed with the webhook's secret by the same sender billing's alerts use,
     * whether or not the webhook is enabled, and records it among the deliveries.
     */
    @RolesAllowed(Roles.TENANT_ADMIN)
    public DeliverySummary sendTest(UUID webhookId) {
        UUID tenantId = currentUser.tenantId();
        WebhookTarget target = jdbc.sql("select " + WebhookTarget.COLUMNS + " from webhooks w where w.id = ? and w.tenant_id = ?")
                .params(webhookId, tenantId)
                .query((rs, row) -> WebhookTarget.read(tenantId, rs))
                .optional().orElseThrow(() -> PortalException.notFound("Webhook"));
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

    private WebhookSummary summary(ResultSet rs, int row) throws SQLException {
        Timestamp previousExpires = rs.getTimestamp("previous_secret_expires_at");
        Instant previousSecretValidUntil = previousExpires == null || !previousExpires.toInstant()
                .isAfter(clock.instant()) ? null : previousExpires.toInstant();
        return new WebhookSummary(rs.getObject("id", UUID.class), rs.getString("url"),
                Arrays.asList((String[]) rs.getArray("events").getArray()), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), previousSecretValidUntil);
    }
}
