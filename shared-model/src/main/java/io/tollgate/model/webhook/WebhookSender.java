package io.tollgate.model.webhook;

import io.tollgate.model.crypto.CredentialCipher;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Posts one signed event to one tenant webhook and records the attempt in webhook_deliveries, in the caller's
 * transaction: the one place a delivery ends, for billing's budget alerts and the portal's test deliveries alike.
 * Redirects are not followed (a webhook answers where it was registered, and a redirect could point inside the
 * platform's network), and the host is checked by {@link WebhookAddressGuard} before every attempt. The secret is
 * decrypted only here and never logged or recorded.
 */
public class WebhookSender {

    private static final String RECORD = """
            insert into webhook_deliveries (id, tenant_id, webhook_id, event_id, event_type, status, attempts,
                                            http_status, last_error, first_attempt_at, last_attempt_at)
            values (:id, :tenant, :webhook, :event, :type, :status, 1, :http, :error, :at, :at)
            on conflict (webhook_id, event_id) do update
                set status = excluded.status, attempts = webhook_deliveries.attempts + 1,
                    http_status = excluded.http_status, last_error = excluded.last_error,
                    last_attempt_at = excluded.last_attempt_at
            returning id, attempts
            """;

    private record Answer(@Nullable Integer httpStatus, @Nullable String error) {
    }

    private record Recorded(UUID id, int attempts) {
    }

    private final CredentialCipher cipher;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final WebhookProperties properties;
    private final WebhookAddressGuard guard;
    private final HttpClient client;

    public WebhookSender(CredentialCipher cipher, JdbcClient jdbc, Clock clock, WebhookProperties properties,
                         WebhookAddressGuard guard) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.guard = guard;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends {@code body} as event {@code eventId} of {@code eventType}; a failure is an outcome, not an exception. */
    public WebhookDeliveryOutcome deliver(WebhookTarget target, UUID eventId, String eventType, String body) {
        Instant at = clock.instant();
        List<String> secrets = signingSecrets(target, at);
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(WebhookSignature.EVENT_ID_HEADER, eventId.toString())
                .header(WebhookSignature.EVENT_TYPE_HEADER, eventType)
                .header(WebhookSignature.HEADER, WebhookSignature.header(secrets, at.getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Answer answer = send(target, request);
        Recorded recorded = jdbc.sql(RECORD)
                .param("id", UUID.randomUUID()).param("tenant", target.tenantId())
                .param("webhook", target.webhookId()).param("event", eventId).param("type", eventType)
                .param("status", answer.error() == null ? "DELIVERED" : "FAILED")
                .param("http", answer.httpStatus(), java.sql.Types.INTEGER)
                .param("error", answer.error(), java.sql.Types.VARCHAR)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .query((rs, row) -> new Recorded(rs.getObject("id", UUID.class), rs.getInt("attempts")))
                .single();
        return new WebhookDeliveryOutcome(recorded.id(), eventId, answer.error() == null, answer.httpStatus(),
                answer.error(), recorded.attempts(), at);
    }

    /** The current secret, and the one a rotation replaced while its grace period lasts. */
    private List<String> signingSecrets(WebhookTarget target, Instant at) {
        // the webhook id is the associated data: a secret copied onto another webhook row does not decrypt
        String associatedData = target.webhookId().toString();
        List<String> secrets = new ArrayList<>(2);
        secrets.add(cipher.decrypt(target.secret(), associatedData));
        target.previousSecret().filter(previous -> previous.expiresAt().isAfter(at))
                .ifPresent(previous -> secrets.add(cipher.decrypt(previous.secret(), associatedData)));
        return secrets;
    }

    private Answer send(WebhookTarget target, HttpRequest request) {
        var refusal = guard.refusal(request.uri());
        if (refusal.isPresent()) {
            return new Answer(null, "webhook " + target.webhookId() + " not called: " + refusal.get());
        }
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return new Answer(null, "webhook " + target.webhookId() + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "interrupted while calling webhook " + target.webhookId());
        } catch (IllegalArgumentException e) {
            return new Answer(null, "webhook " + target.webhookId() + " has an unusable URL");
        }
        int status = response.statusCode();
        if (status / 100 == 3) {
            return new Answer(status, "webhook " + target.webhookId() + " answered with a redirect (HTTP " + status
                    + "), which is not followed; register the URL it redirects to");
        }
        return status / 100 == 2 ? new Answer(status, null)
                : new Answer(status, "webhook " + target.webhookId() + " answered HTTP " + status);
    }
}
