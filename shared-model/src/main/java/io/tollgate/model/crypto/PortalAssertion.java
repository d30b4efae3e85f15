package io.tollgate.model.crypto;

import io.tollgate.model.apikey.ApiKeyHasher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * How the portal calls billing's API on behalf of its signed-in user, who may have no password to pass on (single
 * sign-on): {@code Authorization: Tollgate-Portal <user id>.<expiry>.<signature>}. The signature is an HMAC-SHA-256
 * over the method, the path with its query, the user and the expiry, under a key derived from the API key secret
 * both services already hold, so no new secret needs distributing. Billing then acts as that user, with the role the
 * users table gives them now: the portal vouches for who asks, billing still decides what they may do. An assertion
 * is good for one method and path, for {@link #LIFETIME}.
 */
public final class PortalAssertion {

    public static final String SCHEME = "Tollgate-Portal";
    public static final Duration LIFETIME = Duration.ofSeconds(60);
    private static final String PURPOSE = "tollgate-portal-assertion/v1";
    private static final String ALGORITHM = "HmacSHA256";

    private final Mac prototype;

    public PortalAssertion(ApiKeyHasher secret) {
        try {
            // a key of its own, derived from the shared secret and this purpose: never the key-hashing key itself
            prototype = Mac.getInstance(ALGORITHM);
            prototype.init(new SecretKeySpec(secret.hash(PURPOSE), ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM offers no " + ALGORITHM, e);
        }
    }

    /** The Authorization header value for one call. */
    public String header(UUID userId, String method, String pathAndQuery, Instant now) {
        long expires = now.plus(LIFETIME).getEpochSecond();
        return SCHEME + " " + userId + "." + expires + "." + sign(userId, expires, method, pathAndQuery);
    }

    /** The user the header vouches for, if it is a well-formed, unexpired assertion for this very call. */
    public Optional<UUID> verify(@Nullable String header, String method, String pathAndQuery, Instant now) {
        if (header == null || !header.startsWith(SCHEME + " ")) {
            return Optional.empty();
        }
        String[] parts = header.substring(SCHEME.length() + 1).strip().split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            UUID userId = UUID.fromString(parts[0]);
            long expires = Long.parseLong(parts[1]);
            boolean fresh = now.getEpochSecond() <= expires
                    && expires <= now.plus(LIFETIME).plusSeconds(5).getEpochSecond();
            boolean genuine = MessageDigest.isEqual(
                    sign(userId, expires, method, pathAndQuery).getBytes(StandardCharsets.US_ASCII),
                    parts[2].getBytes(StandardCharsets.US_ASCII));
            return fresh && genuine ? Optional.of(userId) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String sign(UUID userId, long expires, String method, String pathAndQuery) {
        String signed = PURPOSE + "\n" + method + "\n" + pathAndQuery + "\n" + userId + "\n" + expires;
        try {
            Mac mac = (Mac) prototype.clone();
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " of this JVM cannot be cloned", e);
        }
    }

    @Override
    public String toString() {
        return "PortalAssertion[key=<redacted>]";
    }
}
