package io.tollgate.portal.members;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Invitation tokens are stored as their SHA-256 only. */
final class InvitationTokens {

    private InvitationTokens() {
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM offers no SHA-256", e);
        }
    }
}
