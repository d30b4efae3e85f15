package io.tollgate.portal.security;

import io.tollgate.portal.common.PortalException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rule for every password a person chooses in the portal, after NIST SP 800-63B: long enough, and not one that
 * attackers try first — a commonly used password (a bundled list), such a password with digits or symbols added at
 * the end, one short piece repeated, or the account's own e-mail address or its name part.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    private static final String COMMON_PASSWORDS = "/security/common-passwords.txt";
    // the shortest name part of an e-mail address worth refusing inside a password ("ann" would refuse "channel")
    private static final int MIN_NAME_PART = 4;

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Refuses the password with a message the person can act on. */
    public void check(String password, String email) {
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new PortalException("The password needs " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        String address = email.trim().toLowerCase(Locale.ROOT);
        String namePart = address.contains("@") ? address.substring(0, address.indexOf('@')) : address;
        if (!address.isEmpty() && lower.contains(address)
                || namePart.length() >= MIN_NAME_PART && lower.contains(namePart)) {
            throw new PortalException("The password must not contain your e-mail address");
        }
        String withoutSuffix = lower.replaceAll("[\\d\\p{Punct}\\s]+$", "");
        if (common.contains(lower) || common.contains(withoutSuffix) || lower.matches("(.+?)\\1+")) {
            throw new PortalException("This password is too common or too easy to guess; choose another, "
                    + "for example a few unrelated words");
        }
    }

    private static Set<String> load() {
        try (var reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS), COMMON_PASSWORDS),
                StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.startsWith("#!comment:") && !line.isBlank())
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
