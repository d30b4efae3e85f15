package io.tollgate.model.apikey;

import java.security.SecureRandom;
import java.util.Optional;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * Creates API keys: "tg_" + 32 characters drawn uniformly from base62 by a {@link SecureRandom},
 * about 190 random bits. The first 11 characters ("tg_" + 8) are the key's public prefix. Secrets of the same
 * shape under another scheme (the management API's access tokens, "tgm_") are made and hashed the same way.
 */
@NullMarked
public final class ApiKeyGenerator {

    public static final String SCHEME = "tg_";
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public static final int RANDOM_LENGTH = 32;
    public static final int KEY_LENGTH = SCHEME.length() + RANDOM_LENGTH;
    /** "tg_" + 8 characters, as the {@code api_keys.prefix} check demands. */
    public static final int PREFIX_LENGTH = SCHEME.length() + 8;
    private static final int PUBLIC_RANDOM_LENGTH = 8;

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
        return isWellFormed(SCHEME, candidate);
    }

    /** Whether {@code candidate} is {@code scheme} followed by {@value #RANDOM_LENGTH} letters or digits. */
    public static boolean isWellFormed(String scheme, @Nullable String candidate) {
        if (candidate == null || candidate.length() != scheme.length() + RANDOM_LENGTH || !candidate.startsWith(scheme)) {
            return false;
        }
        for (int i = scheme.length(); i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    public GeneratedApiKey generate() {
        return generate(SCHEME);
    }

    /** A secret under another scheme; its prefix is the scheme and the first 8 random characters. */
    public GeneratedApiKey generate(String scheme) {
        StringBuilder key = new StringBuilder(scheme.length() + RANDOM_LENGTH).append(scheme);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            key.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String plaintext = key.toString();
        return new GeneratedApiKey(plaintext, prefixOf(scheme, plaintext).orElseThrow(), hasher.hash(plaintext),
                hasher.keyId());
    }

    /** The public prefix (scheme + 8) of a well-formed secret under {@code scheme}, empty for anything else. */
    public static Optional<String> prefixOf(String scheme, @Nullable String candidate) {
        return isWellFormed(scheme, candidate)
                ? Optional.of(candidate.substring(0, scheme.length() + PUBLIC_RANDOM_LENGTH))
                : Optional.empty();
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
