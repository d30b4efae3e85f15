package io.tollgate.billing.alerts;

import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.EncryptedSecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Posts an alert to one tenant webhook, signed like Stripe's: header
 * {@code Tollgate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256 over "<t>.<body>" with the webhook's secret>},
 * so receivers can check both origin and freshness. {@code Tollgate-Event-Id} lets them drop a repeat delivery.
 */
@Component
class AlertWebhookSender {

    static final String SIGNATURE_HEADER = "Tollgate-Signature";
    static final String EVENT_ID_HEADER = "Tollgate-Event-Id";

    record Target(UUID webhookId, String url, EncryptedSecret secret) {
    }

    private final CredentialCipher cipher;
    private final Clock clock;
    private final HttpClient client;
    private final AlertProperties properties;

    AlertWebhookSender(CredentialCipher cipher, Clock clock, AlertProperties properties) {
        this.cipher = cipher;
        this.clock = clock;
        this.properties = properties;
        this.client = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** @throws DeliveryException when the receiver cannot be reached or does not answer 2xx */
    void send(Target target, UUID eventId, String body) {
        // the webhook id is the associated data: a secret copied onto another webhook row does not decrypt
        String secret = cipher.decrypt(target.secret(), target.webhookId().toString());
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                .timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(EVENT_ID_HEADER, eventId.toString())
                .header(SIGNATURE_HEADER, "t=" + timestamp + ",v1=" + sign(secret, timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (java.io.IOException e) {
            throw new DeliveryException("webhook " + target.webhookId() + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while calling webhook " + target.webhookId());
        }
        if (status / 100 != 2) {
            throw new DeliveryException("webhook " + target.webhookId() + " answered HTTP " + status);
        }
    }

    static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
