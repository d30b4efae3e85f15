package io.tollgate.model.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String PROVIDER = "5b0e4a3c-8f1d-4c52-9d6e-0f6b7d2e9a11";
    private static final String API_KEY = "sk-provider-credential-0123456789";

    private final MasterKeys oldKeys = MasterKeys.generate("2025");
    private final CredentialCipher cipher = new CredentialCipher(oldKeys);

    @Test
    void a_credential_round_trips_and_the_ciphertext_is_nonce_body_tag() {
        EncryptedSecret secret = cipher.encrypt(API_KEY, PROVIDER);

        assertThat(secret.keyId()).isEqualTo("2025");
        assertThat(secret.ciphertext()).hasSize(12 + API_KEY.getBytes(StandardCharsets.UTF_8).length + 16);
        assertThat(new String(secret.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("sk-provider");
        assertThat(cipher.decrypt(secret, PROVIDER)).isEqualTo(API_KEY);
        assertThat(cipher.decrypt(cipher.encrypt("ünïcødé 🔑"))).isEqualTo("ünïcødé 🔑");
    }

    @Test
    void the_same_credential_encrypts_differently_every_time() {
        assertThat(cipher.encrypt(API_KEY, PROVIDER)).isNotEqualTo(cipher.encrypt(API_KEY, PROVIDER));
    }

    @Test
    void any_changed_byte_is_detected() {
        byte[] original = cipher.encrypt(API_KEY, PROVIDER).ciphertext();
        for (int i = 0; i < original.length; i++) {
            byte[] tampered = original.clone();
            tampered[i] ^= 0x01;
            EncryptedSecret secret = new EncryptedSecret(tampered, "2025");
            assertThatThrownBy(() -> cipher.decrypt(secret, PROVIDER)).as("byte %d", i)
                    .isInstanceOf(CredentialDecryptionException.class)
                    .hasMessage("The credential does not authenticate under master key '2025': it was altered,"
                            + " belongs to another row, or the key changed");
        }
    }

    @Test
    void a_ciphertext_moved_to_another_row_does_not_decrypt() {
        EncryptedSecret secret = cipher.encrypt(API_KEY, PROVIDER);

        assertThatThrownBy(() -> cipher.decrypt(secret, "another-provider-id"))
                .isInstanceOf(CredentialDecryptionException.class);
        assertThatThrownBy(() -> cipher.decrypt(secret)).isInstanceOf(CredentialDecryptionException.class);
    }

    @Test
    void truncated_ciphertexts_are_refused_clearly() {
        assertThatThrownBy(() -> cipher.decrypt(new EncryptedSecret(new byte[20], "2025")))
                .isInstanceOf(CredentialDecryptionException.class)
                .hasMessage("The credential ciphertext is 20 bytes, too short for AES-GCM");
    }

    @Test
    void after_rotation_old_ciphertexts_still_decrypt_and_reencryption_uses_the_current_key() {
        EncryptedSecret underOldKey = cipher.encrypt(API_KEY, PROVIDER);
        MasterKeys rotated = MasterKeys.parse(MasterKeys.generate("2026").encoded() + "," + oldKeys.encoded());
        CredentialCipher rotatedCipher = new CredentialCipher(rotated);

        assertThat(rotatedCipher.isCurrent(underOldKey)).isFalse();
        assertThat(rotatedCipher.decrypt(underOldKey, PROVIDER)).isEqualTo(API_KEY);

        EncryptedSecret underNewKey = rotatedCipher.reencrypt(underOldKey, PROVIDER);

        assertThat(underNewKey.keyId()).isEqualTo("2026");
        assertThat(rotatedCipher.isCurrent(underNewKey)).isTrue();
        assertThat(rotatedCipher.decrypt(underNewKey, PROVIDER)).isEqualTo(API_KEY);
        assertThatThrownBy(() -> cipher.decrypt(underNewKey, PROVIDER))
                .isInstanceOf(CredentialDecryptionException.class)
                .hasMessage("The credential was encrypted under master key '2026', which is not configured"
                        + " (configured: [2025])");
    }

    @Test
    void a_key_id_pointing_at_the_wrong_key_fails_as_tampering() {
        EncryptedSecret secret = cipher.encrypt(API_KEY);
        MasterKeys impostor = MasterKeys.generate("2025");

        assertThatThrownBy(() -> new CredentialCipher(impostor).decrypt(secret))
                .isInstanceOf(CredentialDecryptionException.class)
                .hasMessageContaining("master key '2025'");
    }

    @Test
    void nothing_secret_shows_in_to_string() {
        EncryptedSecret secret = cipher.encrypt(API_KEY);

        assertThat(secret.toString()).isEqualTo("EncryptedSecret[keyId=2025, " + secret.ciphertext().length + " bytes]");
        assertThat(cipher.toString()).doesNotContain(oldKeys.encoded().substring(5));
    }
}
