package io.tollgate.standalone;

import java.security.SecureRandom;
import java.util.Base64;

/** Random passwords and server secrets for a first run. */
final class RandomSecrets {

    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom random = new SecureRandom();

    private RandomSecrets() {
    }

    /** 20 characters without look-alikes (about 116 bits): easy to copy from a terminal. */
    static String password() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    /** 48 random bytes, base64url without padding (64 characters). */
    static String serverSecret() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
