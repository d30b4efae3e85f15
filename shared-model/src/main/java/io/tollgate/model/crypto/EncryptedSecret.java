package io.tollgate.model.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * A ciphertext as stored in {@code providers.credential_ciphertext} (12-byte nonce, ciphertext,
 * 16-byte tag) with the id of the master key that made it ({@code credential_key_id}).
 */
public record EncryptedSecret(byte[] ciphertext, String keyId) {

    public EncryptedSecret {
        ciphertext = ciphertext.clone();
        Objects.requireNonNull(keyId, "keyId");
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptedSecret secret && keyId.equals(secret.keyId)
                && Arrays.equals(ciphertext, secret.ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "EncryptedSecret[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
    }
}
