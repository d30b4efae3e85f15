package io.tollgate.model.apikey;

import java.security.SecureRandom;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Creates API keys: "tg_" + 32 characters drawn uniformly from base62 by a {@link SecureRandom},
 * about 190 random bits. The first 11 characters ("tg_" + 8) are the key's public prefix.
 */
@NullMarked
public final class ApiKeyGenerator {

    public static final String SCHEME = "tg_";
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public static final int RANDOM_LENGTH = 32;
    public static final int KEY_LENGTH = SCHEME.length() + RANDOM_LENGTH;
    /** "tg_" + 8 characters, as the {@code api_keys.prefix} check demands. */
    public static final int PREFIX_LENGTH = SCHEME.length() + 8;

    private final SecureRandom random;
    private final ApiKeyHasher hasher;

    public ApiKeyGenerator(ApiKeyHasher hasher) {
        this(hasher, new SecureRandom());
    }

    ApiKeyGenerator(ApiKeyHasher hasher, SecureRandom random) {
        this.hasher = hasher;
        this.random = random;
    }

    public static boolean isWellFormed(@Nullable String candidate) {
        if (candidate == null || candidate.length() != KEY_LENGTH || !candidate.startsWith(SCHEME)) {
            return false;
        }
        for (int i = SCHEME.length(); i < KEY_LENGTH; i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    public GeneratedApiKey generate() {
        StringBuilder key = new StringBuilder(KEY_LENGTH).append(SCHEME);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return existing(key.toString());
    }

    /** Hashes a key chosen elsewhere (e.g. a demo key from the environment) after checking its format. */
    public GeneratedApiKey existing(String plaintext) {
        if (!isWellFormed(plaintext)) {
            throw new IllegalArgumentException(
                    "An API key must be '" + SCHEME + "' followed by " + RANDOM_LENGTH + " letters or digits");
        }
        return new GeneratedApiKey(plaintext, plaintext.substring(0, PREFIX_LENGTH), hasher.hash(plaintext),
                hasher.keyId());
    }

    @Override
    public String toString() {
        return "ApiKeyGenerator[" + hasher + "]";
    }
}
