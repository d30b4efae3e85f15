package io.tollgate.model.crypto;

import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.ApiKeyHasher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Key hashing and credential encryption beans from {@link TollgateSecrets}. A missing secret stops
 * the start-up with a sentence naming its environment variable, unless dev defaults are switched on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TollgateSecrets.class)
public class SecretsConfiguration {

    static final String DEV_API_KEY_SECRET = "tollgate-INSECURE-development-api-key-secret";
    static final String DEV_MASTER_KEY_ID = "dev";
    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    @Bean
    public ApiKeyHasher apiKeyHasher(TollgateSecrets secrets) {
        String secret = resolve(secrets.apiKeySecret(), secrets.devDefaults(), TollgateSecrets.API_KEY_SECRET_ENV,
                DEV_API_KEY_SECRET);
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < ApiKeyHasher.MIN_SECRET_LENGTH) {
            throw new SecretsConfigurationException(TollgateSecrets.API_KEY_SECRET_ENV,
                    TollgateSecrets.API_KEY_SECRET_ENV + " is too short: it needs at least "
                            + ApiKeyHasher.MIN_SECRET_LENGTH + " bytes (e.g. `openssl rand -base64 48`).");
        }
        return new ApiKeyHasher(bytes, secrets.apiKeySecretId());
    }

    @Bean
    public ApiKeyGenerator apiKeyGenerator(ApiKeyHasher apiKeyHasher) {
        return new ApiKeyGenerator(apiKeyHasher);
    }

    @Bean
    public MasterKeys masterKeys(TollgateSecrets secrets) {
        String encoded = resolve(secrets.masterKeys(), secrets.devDefaults(), TollgateSecrets.MASTER_KEYS_ENV,
                devMasterKeys());
        try {
            return MasterKeys.parse(encoded);
        } catch (IllegalArgumentException e) {
            throw new SecretsConfigurationException(TollgateSecrets.MASTER_KEYS_ENV,
                    TollgateSecrets.MASTER_KEYS_ENV + " is invalid: " + e.getMessage() + ".");
        }
    }

    @Bean
    public CredentialCipher credentialCipher(MasterKeys masterKeys) {
        return new CredentialCipher(masterKeys);
    }

    private static String resolve(@Nullable String configured, boolean devDefaults, String variable,
            String devValue) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        if (!devDefaults) {
            throw new SecretsConfigurationException(variable, variable + " is not set; Tollgate needs it to start.");
        }
        log.warn("{} is not set: using a fixed, publicly known development value (tollgate.secrets.dev-defaults=true)."
                + " Never run like this in production.", variable);
        return devValue;
    }

    /** A fixed key derived from a public string: anyone can decrypt what it encrypts. */
    static String devMasterKeys() {
        try {
            byte[] key = MessageDigest.getInstance("SHA-256")
                    .digest("tollgate-INSECURE-development-master-key".getBytes(StandardCharsets.UTF_8));
            return DEV_MASTER_KEY_ID + ":" + Base64.getEncoder().encodeToString(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM offers no SHA-256", e);
        }
    }
}
