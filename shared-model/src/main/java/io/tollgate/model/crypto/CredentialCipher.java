package io.tollgate.model.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts provider credentials with AES-256-GCM under the current master key: a random 12-byte
 * nonce is prepended and a 128-bit tag appended. The associated data (e.g. the provider id) is
 * authenticated but not stored, so a ciphertext copied to another row no longer decrypts.
 * Thread-safe: each call uses its own {@link Cipher}.
 */
public final class CredentialCipher {

    public static final int NONCE_BYTES = 12;
    public static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final byte[] NO_ASSOCIATED_DATA = new byte[0];

    private final MasterKeys keys;
    private final SecureRandom random = new SecureRandom();

    public CredentialCipher(MasterKeys keys) {
        this.keys = keys;
    }

    public EncryptedSecret encrypt(String plaintext) {
        return encrypt(plaintext, NO_ASSOCIATED_DATA);
    }

    /** @param associatedData what the secret belongs to, e.g. the provider id; needed again to decrypt */
    public EncryptedSecret encrypt(String plaintext, String associatedData) {
        return encrypt(plaintext, associatedData.getBytes(StandardCharsets.UTF_8));
    }

    public String decrypt(EncryptedSecret secret) {
        return decrypt(secret, NO_ASSOCIATED_DATA);
    }

    public String decrypt(EncryptedSecret secret, String associatedData) {
        return decrypt(secret, associatedData.getBytes(StandardCharsets.UTF_8));
    }

    /** The same plaintext under the current master key, with a fresh nonce. */
    public EncryptedSecret reencrypt(EncryptedSecret secret) {
        return encrypt(decrypt(secret));
    }

    public EncryptedSecret reencrypt(EncryptedSecret secret, String associatedData) {
        return encrypt(decrypt(secret, associatedData), associatedData);
    }

    /** Whether the secret is under the current key, i.e. needs no {@link #reencrypt}. */
    public boolean isCurrent(EncryptedSecret secret) {
        return secret.keyId().equals(keys.currentId());
    }

    private EncryptedSecret encrypt(String plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.current(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
            return new EncryptedSecret(out, keys.currentId());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM encryption failed under master key '"
                    + keys.currentId() + "'", e);
        }
    }

    private String decrypt(EncryptedSecret secret, byte[] associatedData) {
        SecretKey key = keys.key(secret.keyId()).orElseThrow(() -> new CredentialDecryptionException(
                "The credential was encrypted under master key '" + secret.keyId()
                        + "', which is not configured (configured: " + keys.ids() + ")"));
        byte[] data = secret.ciphertext();
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new CredentialDecryptionException(
                    "The credential ciphertext is " + data.length + " bytes, too short for AES-GCM");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            byte[] plain = cipher.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CredentialDecryptionException("The credential does not authenticate under master key '"
                    + secret.keyId() + "': it was altered, belongs to another row, or the key changed");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM decryption failed under master key '"
                    + secret.keyId() + "'", e);
        }
    }

    @Override
    public String toString() {
        return "CredentialCipher[" + keys + "]";
    }
}
