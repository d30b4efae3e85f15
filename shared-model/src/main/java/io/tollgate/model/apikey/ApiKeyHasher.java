package io.tollgate.model.apikey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Hashes API keys with HMAC-SHA-256 under a server secret, so a stolen {@code api_keys} table
 * cannot be checked offline without the secret. Thread-safe and cheap: each thread keeps its own
 * clone of a prototype {@link Mac} that was initialised once (a gateway verifies a key per request,
 * and a clone per call was half a kilobyte of garbage each time), and {@link #verify} hashes into
 * arrays the thread keeps too, wiping the key's bytes after each use.
 */
@NullMarked
public final class ApiKeyHasher {

    public static final int HASH_LENGTH = 32;
    public static final int MIN_SECRET_LENGTH = 32;
    static final String ALGORITHM = "HmacSHA256";
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

    private final Mac prototype;
    private final ThreadLocal<Hashing> hashings = ThreadLocal.withInitial(() -> new Hashing(newMac()));
    private final String keyId;

    /**
     * @param secret at least {@value #MIN_SECRET_LENGTH} bytes
     * @param keyId  stored next to each hash ({@code api_keys.hash_key_id}) so the secret can be rotated
     */
    public ApiKeyHasher(byte[] secret, String keyId) {
        if (secret.length < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("The API key secret must be at least " + MIN_SECRET_LENGTH
                    + " bytes long, it has " + secret.length);
        }
        if (!KEY_ID.matcher(Objects.requireNonNull(keyId, "keyId")).matches()) {
            throw new IllegalArgumentException("The API key secret id must be 1-32 letters, digits, '_', '.' or '-'");
        }
        this.keyId = keyId;
        try {
            this.prototype = Mac.getInstance(ALGORITHM);
            this.prototype.init(new SecretKeySpec(secret, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("This JVM offers no " + ALGORITHM, e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The 32-byte HMAC-SHA-256 of the whole key. */
    public byte[] hash(String key) {
        return hashings.get().mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code presentedKey} hashes to {@code storedHash}, compared in constant time. */
    public boolean verify(String presentedKey, byte[] storedHash) {
        var hashing = hashings.get();
        int length = presentedKey.length();
        if (length > hashing.key.length || !hashing.ascii(presentedKey)) {
            return MessageDigest.isEqual(hash(presentedKey), storedHash);
        }
        try {
            hashing.mac.update(hashing.key, 0, length);
            hashing.mac.doFinal(hashing.hash, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException(ALGORITHM + " wrote more than " + HASH_LENGTH + " bytes", e);
        } finally {
            Arrays.fill(hashing.key, 0, length, (byte) 0);
        }
        return MessageDigest.isEqual(hashing.hash, storedHash);
    }

    /** A thread's own {@link Mac}, and the arrays a key and its hash are put in while it is verified. */
    private static final class Hashing {

        final Mac mac;
        /** Room for any key this project issues ({@value ApiKeyGenerator#KEY_LENGTH} chars); longer ones are copied. */
        final byte[] key = new byte[64];
        final byte[] hash = new byte[HASH_LENGTH];

        Hashing(Mac mac) {
            this.mac = mac;
        }

        /** Puts the key's bytes in {@link #key}: whether it is ASCII, as every well-formed key is. */
        boolean ascii(String presented) {
            for (int i = 0; i < presented.length(); i++) {
                char c = presented.charAt(i);
                if (c >= 0x80) {
                    Arrays.fill(key, 0, i, (byte) 0);
                    return false;
                }
                key[i] = (byte) c;
            }
            return true;
        }
    }

    /** The prefix of a well-formed key ("tg_" + 8), empty for anything else. */
    public static Optional<String> prefixOf(@Nullable String presentedKey) {
        return ApiKeyGenerator.isWellFormed(presentedKey)
                ? Optional.of(presentedKey.substring(0, ApiKeyGenerator.PREFIX_LENGTH))
                : Optional.empty();
    }

    private Mac newMac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(ALGORITHM + " of this JVM cannot be cloned", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeyHasher[keyId=" + keyId + ", secret=<redacted>]";
    }
}
