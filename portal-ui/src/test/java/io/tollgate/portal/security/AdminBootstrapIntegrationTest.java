package io.tollgate.portal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first administrator outside the standalone run, each on an empty database of its own. */
class AdminBootstrapIntegrationTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    private JdbcClient jdbc;

    @BeforeEach
    void emptyDatabase() {
        jdbc = JdbcClient.create(TestPostgres.instance().freshDatabase().migrate().dataSource());
    }

    @Test
    void configured_email_and_password_create_the_administrator_and_open_no_setup_link() {
        var bootstrap = bootstrap("Ops@Example.com", "a-long-enough-password");

        bootstrap.run(new DefaultApplicationArguments());

        assertThat(encoder.matches("a-long-enough-password", passwordOf("ops@example.com"))).isTrue();
        assertThat(bootstrap.setupOpen("anything")).isFalse();
    }

    @Test
    void the_setup_link_creates_the_first_administrator_once() {
        var bootstrap = bootstrap(null, null);
        String token = bootstrap.openSetup();
        assertThat(bootstrap.setupOpen(token)).isTrue();
        assertThat(bootstrap.setupOpen(token + "x")).isFalse();

        bootstrap.completeSetup(token, "Root@Example.com", "correct horse battery");

        assertThat(encoder.matches("correct horse battery", passwordOf("root@example.com"))).isTrue();
        assertThat(bootstrap.setupOpen(token)).as("used up").isFalse();
        assertThatThrownBy(() -> bootstrap.completeSetup(token, "other@example.com", "correct horse battery"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("This setup link is no longer valid");
        assertThat(jdbc.sql("select count(*) from users where platform_role = 'ADMIN'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void the_setup_link_keeps_the_configured_email_refuses_short_passwords_and_wrong_tokens() {
        var bootstrap = bootstrap("admin@example.com", null);
        String token = bootstrap.openSetup();

        assertThatThrownBy(() -> bootstrap.completeSetup(token, "x@example.com", "short"))
                .hasMessage("The password needs at least 12 characters");
        assertThatThrownBy(() -> bootstrap.completeSetup("guessed", "x@example.com", "long enough password"))
                .hasMessage("This setup link is no longer valid");
        bootstrap.completeSetup(token, "someone-else@example.com", "long enough password");

        assertThat(passwordOf("admin@example.com")).isNotNull();
        assertThat(jdbc.sql("select count(*) from users where email = 'someone-else@example.com'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void no_link_opens_while_an_administrator_exists() {
        bootstrap("first@example.com", "a-long-enough-password").run(new DefaultApplicationArguments());
        var unconfigured = bootstrap(null, null);

        unconfigured.run(new DefaultApplicationArguments());
        String token = unconfigured.openSetup();

        assertThat(unconfigured.setupOpen(token)).as("an administrator exists already").isFalse();
    }

    @Test
    void the_setup_page_shows_the_form_only_for_the_open_link_and_checks_the_confirmation() {
        var bootstrap = bootstrap("admin@example.com", null);
        String token = bootstrap.openSetup();
        var view = new AdminSetupView(bootstrap);

        view.password.setValue("long enough password");
        view.confirmation.setValue("another long password");
        view.submit();

        assertThat(view.confirmation.isInvalid()).isTrue();
        assertThat(jdbc.sql("select count(*) from users").query(Long.class).single()).isZero();
        assertThat(bootstrap.setupOpen(token)).isTrue();
    }

    private AdminBootstrap bootstrap(String email, String password) {
        return new AdminBootstrap(new AdminProperties(email, password), encoder, jdbc, 8081);
    }

    private String passwordOf(String email) {
        return jdbc.sql("select password_hash from users where email = ? and platform_role = 'ADMIN'")
                .param(email).query(String.class).optional().orElse(null);
    }
}
