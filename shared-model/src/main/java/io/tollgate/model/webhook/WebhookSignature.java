package io.tollgate.model.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a delivery is signed, like Stripe's: header {@code Tollgate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA-256
 * over "<t>.<body>" with the webhook's secret>}, so receivers can check both origin and freshness.
 * {@code Tollgate-Event-Id} lets them drop a repeated delivery.
 */
public final class WebhookSignature {

    public static final String HEADER = "Tollgate-Signature";
    public static final String EVENT_ID_HEADER = "Tollgate-Event-Id";
    public static final String EVENT_TYPE_HEADER = "Tollgate-Event-Type";

    private WebhookSignature() {
    }

    /** The {@link #HEADER} value for a body sent at {@code unixSeconds}. */
    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmacHex(secret, unixSeconds + "." + body);
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
