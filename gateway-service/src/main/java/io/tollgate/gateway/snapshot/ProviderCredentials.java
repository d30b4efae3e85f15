package io.tollgate.gateway.snapshot;

import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.CredentialDecryptionException;
import io.tollgate.model.crypto.EncryptedSecret;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decrypts provider credentials while a snapshot loads. The provider id is the associated data when the
 * credential was sealed with it; credentials sealed without associated data are accepted too. A credential that
 * does not decrypt leaves the provider without one (its calls fail upstream) and is logged by provider name only.
 */
@Component
public class ProviderCredentials {

    private static final Logger log = LoggerFactory.getLogger(ProviderCredentials.class);

    private final CredentialCipher cipher;

    public ProviderCredentials(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    public @Nullable String decrypt(UUID providerId, String providerName, byte @Nullable [] ciphertext,
                                    @Nullable String keyId) {
        if (ciphertext == null || keyId == null) {
            return null;
        }
        var secret = new EncryptedSecret(ciphertext, keyId);
        try {
            return cipher.decrypt(secret, providerId.toString());
        } catch (CredentialDecryptionException withProviderId) {
            try {
                return cipher.decrypt(secret);
            } catch (CredentialDecryptionException e) {
                log.warn("The credential of provider '{}' does not decrypt: {}", providerName, e.getMessage());
                return null;
            }
        }
    }
}
