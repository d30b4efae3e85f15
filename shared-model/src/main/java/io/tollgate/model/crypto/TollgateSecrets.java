package io.tollgate.model.crypto;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The server secrets, bound from {@code tollgate.secrets.*} ({@code tollgate-common.yml} maps them to
 * the environment variables named below).
 *
 * @param apiKeySecret   HMAC secret for API key hashes ({@value #API_KEY_SECRET_ENV}), at least 32 bytes
 * @param apiKeySecretId id stored with every key hash, so the secret can be rotated later
 * @param masterKeys     AES-256 master keys for provider credentials ({@value #MASTER_KEYS_ENV})
 * @param devDefaults    when a secret is missing, use fixed, publicly known values instead of failing;
 *                       for tests and local development only
 */
@ConfigurationProperties("tollgate.secrets")
public record TollgateSecrets(
        @Nullable String apiKeySecret,
        @DefaultValue("v1") String apiKeySecretId,
        @Nullable String masterKeys,
        boolean devDefaults) {

    public static final String API_KEY_SECRET_ENV = "TOLLGATE_API_KEY_SECRET";
    public static final String MASTER_KEYS_ENV = "TOLLGATE_MASTER_KEYS";

    public TollgateSecrets {
        if (apiKeySecretId == null || apiKeySecretId.isBlank()) {
            apiKeySecretId = "v1";
        }
    }

    @Override
    public String toString() {
        return "TollgateSecrets[apiKeySecret=" + Redacted.secret(apiKeySecret) + ", apiKeySecretId=" + apiKeySecretId
                + ", masterKeys=" + Redacted.secret(masterKeys) + ", devDefaults=" + devDefaults + "]";
    }
}
