package io.tollgate.standalone;

import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The first platform administrator: TOLLGATE_ADMIN_EMAIL / TOLLGATE_ADMIN_PASSWORD when set (the password is
 * then kept in step with the variable), else admin@tollgate.local with a generated password shown once.
 */
final class PlatformAdminSeed {

    private final StandaloneSettings settings;
    private final PasswordEncoder passwords;

    PlatformAdminSeed(StandaloneSettings settings, PasswordEncoder passwords) {
        this.settings = settings;
        this.passwords = passwords;
    }

    /** The administrator's id, and a line to show when a password was generated. */
    Seeded ensure(SeedStatements sql) throws SQLException {
        String email = settings.adminEmail().orElse(StandaloneSettings.DEFAULT_ADMIN_EMAIL);
        Optional<UUID> existing = sql.findId("select id from users where email = ?", email);
        if (existing.isPresent()) {
            if (settings.adminPassword().isPresent()) {
                sql.update("update users set password_hash = ?, platform_role = 'ADMIN', updated_at = now() where id = ?",
                        passwords.encode(settings.adminPassword().get()), existing.get());
            }
            return new Seeded(existing.get(), Optional.empty());
        }
        String password = settings.adminPassword().orElseGet(RandomSecrets::password);
        UUID id = sql.ensure(Optional.empty(), """
                insert into users (id, email, display_name, password_hash, platform_role)
                values (?, ?, 'Platform administrator', ?, 'ADMIN')""", email, passwords.encode(password));
        Optional<String> notice = settings.adminPassword().isPresent()
                ? Optional.empty()
                : Optional.of(Notices.login("Admin", email, password));
        return new Seeded(id, notice);
    }

    record Seeded(UUID userId, Optional<String> notice) {
    }
}
