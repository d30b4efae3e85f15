package io.tollgate.portal.security;

import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates or updates the platform administrator named in the configuration; does nothing when none is set. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties admin;
    private final PasswordEncoder passwordEncoder;
    private final JdbcClient jdbc;

    AdminBootstrap(AdminProperties admin, PasswordEncoder passwordEncoder, JdbcClient jdbc) {
        this.admin = admin;
        this.passwordEncoder = passwordEncoder;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!admin.configured()) {
            log.info("No platform administrator configured (TOLLGATE_ADMIN_EMAIL / TOLLGATE_ADMIN_PASSWORD)");
            return;
        }
        String email = admin.email().trim().toLowerCase(Locale.ROOT);
        jdbc.sql("""
                        insert into users (id, email, display_name, password_hash, platform_role)
                        values (?, ?, 'Platform administrator', ?, 'ADMIN')
                        on conflict (email) do update set password_hash = excluded.password_hash,
                            platform_role = 'ADMIN', status = 'ACTIVE', failed_login_count = 0, locked_until = null,
                            updated_at = now()""")
                .params(UUID.randomUUID(), email, passwordEncoder.encode(admin.password()))
                .update();
        log.info("Platform administrator {} is ready", email);
    }
}
