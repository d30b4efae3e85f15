package io.tollgate.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.apikey.ApiKeyHasher;
import org.junit.jupiter.api.Test;

class SecretsConfigurationTest {

    private static final String API_SECRET = "a-production-like-secret-of-enough-length";
    private static final String MASTER_KEYS = MasterKeys.generate("k1").encoded();

    private final SecretsConfiguration configuration = new SecretsConfiguration();

    @Test
    void configured_secrets_build_the_hasher_and_the_cipher() {
        TollgateSecrets secrets = new TollgateSecrets(API_SECRET, "v7", MASTER_KEYS, false);

        ApiKeyHasher hasher = configuration.apiKeyHasher(secrets);
        CredentialCipher cipher = configuration.credentialCipher(configuration.masterKeys(secrets));

        assertThat(hasher.keyId()).isEqualTo("v7");
        assertThat(hasher.hash("tg_x")).isEqualTo(new ApiKeyHasher(API_SECRET.getBytes(), "v7").hash("tg_x"));
        assertThat(cipher.decrypt(new CredentialCipher(MasterKeys.parse(MASTER_KEYS)).encrypt("c"))).isEqualTo("c");
    }

    @Test
    void a_missing_api_key_secret_stops_start_up_naming_the_variable() {
        TollgateSecrets secrets = new TollgateSecrets("", "v1", MASTER_KEYS, false);

        assertThatThrownBy(() -> configuration.apiKeyHasher(secrets))
                .isInstanceOf(SecretsConfigurationException.class)
                .hasMessage("TOLLGATE_API_KEY_SECRET is not set; Tollgate needs it to start.");
    }

    @Test
    void missing_master_keys_stop_start_up_naming_the_variable() {
        TollgateSecrets secrets = new TollgateSecrets(API_SECRET, "v1", null, false);

        assertThatThrownBy(() -> configuration.masterKeys(secrets))
                .isInstanceOf(SecretsConfigurationException.class)
                .hasMessage("TOLLGATE_MASTER_KEYS is not set; Tollgate needs it to start.");
    }

    @Test
    void malformed_secrets_are_refused_without_echoing_them() {
        TollgateSecrets shortSecret = new TollgateSecrets("too-short", "v1", MASTER_KEYS, false);
        TollgateSecrets badKeys = new TollgateSecrets(API_SECRET, "v1", "k1:" + "QUJD", false);

        assertThatThrownBy(() -> configuration.apiKeyHasher(shortSecret))
                .hasMessageStartingWith("TOLLGATE_API_KEY_SECRET is too short")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("too-short"));
        assertThatThrownBy(() -> configuration.masterKeys(badKeys))
                .isInstanceOf(SecretsConfigurationException.class)
                .hasMessageStartingWith("TOLLGATE_MASTER_KEYS is invalid: master key entry 1 ('k1') decodes to 3 bytes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("QUJD"));
    }

    @Test
    void dev_defaults_fill_in_fixed_values_only_for_what_is_missing() {
        TollgateSecrets dev = new TollgateSecrets(null, "v1", null, true);
        TollgateSecrets devWithRealKeys = new TollgateSecrets(null, "v1", MASTER_KEYS, true);

        ApiKeyHasher first = configuration.apiKeyHasher(dev);
        ApiKeyHasher second = configuration.apiKeyHasher(dev);

        assertThat(first.hash("tg_same")).isEqualTo(second.hash("tg_same"));
        assertThat(configuration.masterKeys(dev).currentId()).isEqualTo(SecretsConfiguration.DEV_MASTER_KEY_ID);
        assertThat(configuration.masterKeys(dev).encoded()).isEqualTo(SecretsConfiguration.devMasterKeys());
        assertThat(configuration.masterKeys(devWithRealKeys).encoded()).isEqualTo(MASTER_KEYS);
    }

    @Test
    void the_secrets_never_show_in_to_string() {
        TollgateSecrets secrets = new TollgateSecrets(API_SECRET, "v1", MASTER_KEYS, false);

        assertThat(secrets.toString()).doesNotContain(API_SECRET).doesNotContain(MASTER_KEYS.substring(3))
                .contains("<redacted>");
        assertThat(new TollgateSecrets(null, null, " ", false).toString())
                .isEqualTo("TollgateSecrets[apiKeySecret=<unset>, apiKeySecretId=v1, masterKeys=<unset>, devDefaults=false]");
    }
}
