package io.tollgate.model.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed, like Stripe's: header {@code Tollgate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256
 * over "<t>.<body>" with the webhook's secret>}, so receivers can check both origin and freshness.
 * {@code Tollgate-Event-Id} lets them drop a repeated delivery. During a secret rotation's grace period the header
 * carries one {@code v1} per secret, the new one first ({@code t=...,v1=<new>,v1=<old>}), as Stripe does: a
 * receiver accepts the delivery when any {@code v1} matches the secret it holds.
 */
public final class WebhookSignature {

    public static final String HEADER = "Tollgate-Signature";
    public static final String EVENT_ID_HEADER = "Tollgate-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Tollgate-Event-Type";

    private WebhookSignature() {
    }

    /** The {@link #HEADER} value for a body sent at {@code unixSeconds}, signed with each secret in turn. */
    public static String header(List<String> secrets, long unixSeconds, String body) {
        StringBuilder header = new StringBuilder("t=").append(unixSeconds);
        for (String secret : secrets) {
            header.append(",v1=").append(hmacHex(secret, unixSeconds + "." + body));
        }
        return header.toString();
    }

    static String hmacHex(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
