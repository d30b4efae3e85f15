package io.tollgate.gateway.auth;

import io.tollgate.model.apikey.ApiKeyHasher;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.MasterKeys;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gateway's secrets: the HMAC secret API keys are hashed under ({@code TOLLGATE_API_KEY_SECRET}, at least 32
 * bytes, used as its UTF-8 bytes) and the master keys provider credentials are encrypted under
 * ({@code TOLLGATE_MASTER_KEYS}). Both may be missing so the gateway still starts; it then accepts no key, and
 * providers with credentials get none. {@link #toString()} shows no secret.
 */
@ConfigurationProperties("tollgate.secrets")
public record GatewaySecrets(@Nullable String apiKeySecret, @Nullable String apiKeySecretId,
                             @Nullable String masterKeys) {

    public Optional<ApiKeyHasher> apiKeyHasher() {
        if (apiKeySecret == null || apiKeySecret.isBlank()) {
            return Optional.empty();
        }
        String id = apiKeySecretId == null || apiKeySecretId.isBlank() ? "v1" : apiKeySecretId;
        return Optional.of(new ApiKeyHasher(apiKeySecret.getBytes(StandardCharsets.UTF_8), id));
    }

    public Optional<CredentialCipher> credentialCipher() {
        if (masterKeys == null || masterKeys.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new CredentialCipher(MasterKeys.parse(masterKeys)));
    }

    @Override
    public String toString() {
        return "GatewaySecrets[apiKeySecret=" + (apiKeySecret == null || apiKeySecret.isBlank() ? "unset" : "<redacted>")
                + ", masterKeys=" + (masterKeys == null || masterKeys.isBlank() ? "unset" : "<redacted>") + "]";
    }
}
