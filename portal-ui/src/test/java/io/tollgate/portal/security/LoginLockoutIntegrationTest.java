package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.signup.SignupRequest;
import io.tollgate.portal.signup.SignupService;
import io.tollgate.portal.support.PortalIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
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
    @Autowired
    SignupService signups;

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
        assertThatThrownBy(() -> attempt(email, "the right password")).isInstanceOf(BadCredentialsException.class)
                .hasMessage("Wrong email or password");
        assertThat(jdbc.sql("select locked_until > now() from users where email = ?").param(email)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void a_locked_a_disabled_and_an_unknown_account_get_the_wrong_password_answer_after_as_long() {
        String wrongPassword = user("the right password");
        String locked = user("the right password");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt(locked, "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        String disabled = user("the right password");
        jdbc.sql("update users set status = 'DISABLED' where email = ?").param(disabled).update();
        String unknown = "nobody-" + UUID.randomUUID() + "@tollgate.test";

        // three wrong passwords stay below the lockout; the lock lasts 15 minutes, so each attempt meets one state
        long wrong = medianNanos(wrongPassword, "the right passwort");
        for (String email : new String[] {locked, disabled, unknown}) {
            assertThatThrownBy(() -> attempt(email, "the right password")).isInstanceOf(BadCredentialsException.class)
                    .hasMessage("Wrong email or password");
            long took = medianNanos(email, "the right password");
            // one password check (~ tens of ms) each; an answer without it would take a fraction of a millisecond. The
            // bound is loose: with the build's test JVMs side by side, two medians of the same check differed 2.5-fold
            assertThat(took).as("%s took %d µs against %d µs for a wrong password", email, took / 1000, wrong / 1000)
                    .isGreaterThan(wrong / 10);
        }
    }

    @Test
    void sign_ins_failures_and_lockouts_are_in_the_audit_log() {
        String email = user("the right password");
        attempt(email, "the right password");
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> attempt(email, "wrong")).isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> attempt(email, "the right password")).isInstanceOf(BadCredentialsException.class);
        String unknown = "nobody-" + UUID.randomUUID() + "@tollgate.test";
        assertThatThrownBy(() -> attempt(unknown, "x")).isInstanceOf(BadCredentialsException.class);

        assertThat(jdbc.sql("""
                        select action || ' ' || coalesce(details ->> 'reason', details ->> 'method')
                        from audit_log where actor_email = ? order by id""")
                .param(email).query(String.class).list()).containsExactly("login.success password",
                "login.failure wrong password", "login.failure wrong password", "login.failure wrong password",
                "login.failure wrong password", "login.lockout locked for PT15M after 5 wrong passwords",
                "login.failure account locked");
        assertThat(jdbc.sql("select action || ' ' || (details ->> 'reason') from audit_log where actor_email = ?")
                .param(unknown).query(String.class).list()).containsExactly("login.failure unknown email");
    }

    @Test
    void a_sign_up_not_yet_confirmed_cannot_sign_in() {
        String email = "pending-" + UUID.randomUUID() + "@tollgate.test";
        signups.signUp(new SignupRequest("Pending Org", "Pending", email, "a long and unusual passphrase"),
                "client-" + UUID.randomUUID());
        assertThatThrownBy(() -> attempt(email, "a long and unusual passphrase"))
                .isInstanceOf(BadCredentialsException.class);
    }

    private long medianNanos(String email, String password) {
        long[] samples = new long[3];
        for (int i = 0; i < samples.length; i++) {
            long start = System.nanoTime();
            try {
                attempt(email, password);
            } catch (BadCredentialsException expected) {
                // timed either way
            }
            samples[i] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(samples);
        return samples[samples.length / 2];
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
