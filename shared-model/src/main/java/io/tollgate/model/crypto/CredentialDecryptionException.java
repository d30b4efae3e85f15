package io.tollgate.model.crypto;

/** A stored credential could not be decrypted; the message names the key id, never key material. */
public class CredentialDecryptionException extends RuntimeException {

    public CredentialDecryptionException(String message) {
        super(message);
    }
}
