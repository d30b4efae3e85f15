package io.tollgate.testsupport;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Password hashes for the users tests insert straight in SQL: BCrypt in the format the portal and billing store
 * ({bcrypt} prefix) at the lowest cost. A service checks a hash at the cost the hash names, so each sign-in of such a
 * user costs a millisecond instead of most of a hundred.
 */
public final class TestPasswords {

    private static final BCryptPasswordEncoder CHEAP_BCRYPT = new BCryptPasswordEncoder(4);

    private TestPasswords() {
    }

    public static String hash(String password) {
        return "{bcrypt}" + CHEAP_BCRYPT.encode(password);
    }
}
