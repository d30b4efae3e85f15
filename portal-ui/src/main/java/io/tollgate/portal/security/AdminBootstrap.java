package io.tollgate.portal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first platform administrator. With TOLLGATE_ADMIN_EMAIL and TOLLGATE_ADMIN_PASSWORD set, creates or updates
 * that account at every start. Otherwise, while no active administrator exists, prints a one-time setup link in the
 * log: whoever can read the portal's log opens {@link AdminSetupView} with it and chooses the password (and the
 * e-mail, unless TOLLGATE_ADMIN_EMAIL names it). The link lives in this process only: it works on the portal instance
 * that printed it, until it is used or the instance restarts (which prints a new one).
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    static final String SETUP_PATH = "admin-setup";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final SecureRandom random = new SecureRandom();

    private final AdminProperties admin;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;
    private final int port;
    /** SHA-256 of the open setup link's token; null when none is open. */
    private final AtomicReference<byte @Nullable []> setupTokenHash = new AtomicReference<>();

    AdminBootstrap(AdminProperties admin, PasswordEncoder passwordEncoder, JdbcClient jdbc,
                   @Value("${server.port:8081}") int port) {
        this.admin = admin;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
        this.port = port;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (admin.configured()) {
            String email = normalized(admin.email());
            saveAdministrator(email, admin.password());
            log.info("Platform administrator {} is ready", email);
        } else if (administratorExists()) {
            log.info("No administrator password configured (TOLLGATE_ADMIN_PASSWORD); the existing administrators sign in");
        } else {
            String token = openSetup();
            log.warn("""
                    No platform administrator exists yet. To create one, open this one-time link (on this portal \
                    instance, until it is used or the portal restarts):
                        http://localhost:{}/{}?token={}
                    (or the same path under the portal's public address). Or set TOLLGATE_ADMIN_EMAIL and \
                    TOLLGATE_ADMIN_PASSWORD and restart.""", port, SETUP_PATH, token);
        }
    }

    /** Opens a new setup link and returns its token (the previous one no longer works). */
    String openSetup() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        setupTokenHash.set(sha256(token));
        return token;
    }

    /** Whether {@code token} opens the setup: it is the open link's and still no administrator exists. */
    boolean setupOpen(@Nullable String token) {
        byte[] expected = setupTokenHash.get();
        return token != null && expected != null && MessageDigest.isEqual(expected, sha256(token))
                && !administratorExists();
    }

    /** The e-mail the administrator must have, when the configuration names it. */
    Optional<String> configuredEmail() {
        return Optional.ofNullable(admin.email()).filter(email -> !email.isBlank()).map(AdminBootstrap::normalized);
    }

    /**
     * Creates the first administrator through the setup link, which is then used up.
     *
     * @throws IllegalArgumentException when the link is not (or no longer) valid, or the input is
     */
    void completeSetup(String token, String email, String password) {
        String address = configuredEmail().orElse(normalized(email));
        if (!address.matches("[^@\\s]+@[^@\\s]+")) {
            throw new IllegalArgumentException("Enter a valid email address");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("The password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        byte[] expected = setupTokenHash.get();
        if (!setupOpen(token) || !setupTokenHash.compareAndSet(expected, null)) {
            throw new IllegalArgumentException("This setup link is no longer valid");
        }
        saveAdministrator(address, password);
        log.info("Platform administrator {} created through the setup link", address);
    }

    private boolean administratorExists() {
        return jdbc.sql("select exists (select 1 from users where platform_role = 'ADMIN' and status = 'ACTIVE')")
                .query(Boolean.class).single();
    }

    private void saveAdministrator(String email, String password) {
        jdbc.sql("""
                        insert into users (id, email, display_name, password_hash, platform_role)
                        values (?, ?, 'Platform administrator', ?, 'ADMIN')
                        on conflict (email) do update set password_hash = excluded.password_hash,
                            platform_role = 'ADMIN', status = 'ACTIVE', failed_login_count = 0, locked_until = null,
                            updated_at = now()""")
                .params(UUID.randomUUID(), email, passwordEncoder.encode(password))
                .update();
    }

    private static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
