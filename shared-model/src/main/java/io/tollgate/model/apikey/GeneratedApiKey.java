package io.tollgate.model.apikey;

import java.util.Arrays;
import org.jspecify.annotations.NullMarked;

/**
 * A key as it is created: the plaintext is shown to its owner once and never stored; the prefix,
 * the hash and the id of the hashing secret go to {@code api_keys}.
 */
@NullMarked
public record GeneratedApiKey(String plaintext, String prefix, byte[] hash, String hashKeyId) {

    public GeneratedApiKey {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GeneratedApiKey key && plaintext.equals(key.plaintext) && prefix.equals(key.prefix)
                && Arrays.equals(hash, key.hash) && hashKeyId.equals(key.hashKeyId);
    }

    @Override
    public int hashCode() {
        return plaintext.hashCode();
    }

    @Override
    public String toString() {
        return "GeneratedApiKey[prefix=" + prefix + ", hashKeyId=" + hashKeyId + ", plaintext=<redacted>]";
    }
}
