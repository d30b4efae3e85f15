package io.tollgate.model.webhook;

import io.tollgate.model.crypto.CredentialCipher;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Posts one signed event to one tenant webhook and records the attempt in webhook_deliveries, in the caller's
 * transaction: the one place a delivery ends, for billing's budget alerts and the portal's test deliveries alike.
 * Redirects are not followed (a webhook answers where it was registered, and a redirect could point inside the
 * platform's network). Every attempt opens a new connection whose host is resolved once and checked by
 * {@link WebhookAddressGuard} (see {@link CheckedDnsResolver}); the connection goes to exactly those addresses, while
 * Host, TLS SNI and the certificate check keep the webhook's name. No proxy is used: it would resolve the name again.
 * The secret is decrypted only here and never logged or recorded.
 */
public class WebhookSender implements AutoCloseable {

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
    private final CloseableHttpClient client;

    public WebhookSender(CredentialCipher cipher, JdbcClient jdbc, Clock clock, WebhookProperties properties,
                         WebhookAddressGuard guard) {
        this.cipher = cipher;
        this.jdbc = jdbc;
        this.clock = clock;
        Timeout timeout = Timeout.of(properties.timeout());
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new CheckedDnsResolver(guard))
                        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                                .setSocketTimeout(timeout).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build())
                // a kept-alive connection would skip the next delivery's lookup and check
                .setConnectionReuseStrategy((request, response, context) -> false)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .build();
    }

    /** Sends {@code body} as event {@code eventId} of {@code eventType}; a failure is an outcome, not an exception. */
    public WebhookDeliveryOutcome deliver(WebhookTarget target, UUID eventId, String eventType, String body) {
        Instant at = clock.instant();
        List<String> secrets = signingSecrets(target, at);
        Answer answer = send(target, () -> {
            HttpPost request = new HttpPost(URI.create(target.url()));
            request.setHeader(WebhookSignature.EVENT_ID_HEADER, eventId.toString());
            request.setHeader(WebhookSignature.EVENT_TYPE_HEADER, eventType);
            request.setHeader(WebhookSignature.HEADER, WebhookSignature.header(secrets, at.getEpochSecond(), body));
            request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8),
                    ContentType.create("application/json")));
            return request;
        });
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

    private Answer send(WebhookTarget target, Supplier<HttpPost> request) {
        int status;
        try {
            status = client.execute(request.get(), response -> {
                EntityUtils.consume(response.getEntity());
                return response.getCode();
            });
        } catch (WebhookAddressRefused refused) {
            return new Answer(null, "webhook " + target.webhookId() + " not called: " + refused.getMessage());
        } catch (IOException e) {
            return new Answer(null, "webhook " + target.webhookId() + " unreachable: " + e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            return new Answer(null, "webhook " + target.webhookId() + " has an unusable URL");
        }
        if (status / 100 == 3) {
            return new Answer(status, "webhook " + target.webhookId() + " answered with a redirect (HTTP " + status
                    + "), which is not followed; register the URL it redirects to");
        }
        return status / 100 == 2 ? new Answer(status, null)
                : new Answer(status, "webhook " + target.webhookId() + " answered HTTP " + status);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
