package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.password.PasswordEncoder;

@PortalIntegrationTest
class LoginLockoutIntegrationTest {

    @Autowired
    PasswordLoginProvider login;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    JdbcClient jdbc;

    private String user(String password) {
        String email = "lock-" + UUID.randomUUID() + "@tollgate.test";
        jdbc.sql("insert into users (id, email, display_name, password_hash) values (?, ?, 'Lock test', ?)")
                .params(UUID.randomUUID(), email, encoder.encode(password)).update();
        return email;
    }

    private Object attempt(String email, String password) {
        return login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(email, password)).getPrincipal();
    }

    @Test
    void passwords_are_stored_as_bcrypt_and_the_right_one_signs_in_case_insensitively() {
        String email = user("the right password");
        assertThat(jdbc.sql("select password_hash from users where email = ?").param(email).query(String.class)
                .single()).startsWith("{bcrypt}");
        assertThat(attempt(email.toUpperCase(), "the right password")).isInstanceOfSatisfying(PortalUser.class,
                user -> assertThat(user.email()).isEqualTo(email));
    }

    @Test
    void five_wrong_passwords_lock_the_account_even_against_the_right_one() {
        String email = user("the right password");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt(email, "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(email, "the right password")).isInstanceOf(LockedException.class);
        assertThat(jdbc.sql("select locked_until > now() from users where email = ?").param(email)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void a_successful_sign_in_resets_the_failure_count() {
        String email = user("the right password");
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> attempt(email, "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        attempt(email, "the right password");
        assertThat(jdbc.sql("select failed_login_count from users where email = ?").param(email)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void unknown_emails_get_the_same_answer_as_wrong_passwords() {
        assertThatThrownBy(() -> attempt("nobody-" + UUID.randomUUID() + "@tollgate.test", "x"))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Wrong email or password");
    }

    @Test
    void the_configured_platform_administrator_exists_with_the_admin_role() {
        Object admin = attempt(PortalIntegrationTest.ADMIN_EMAIL, PortalIntegrationTest.ADMIN_PASSWORD);
        assertThat(admin).isInstanceOfSatisfying(PortalUser.class,
                user -> assertThat(user.roles()).containsExactly(Roles.PLATFORM_ADMIN));
    }
}
