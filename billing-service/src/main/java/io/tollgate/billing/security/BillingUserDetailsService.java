package io.tollgate.billing.security;

import io.tollgate.model.account.LoginLockout;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads users and their memberships from the shared users table; e-mail addresses are stored lower-case. */
@Service
class BillingUserDetailsService implements UserDetailsService {

    private final JdbcClient jdbc;
    private final LoginLockout lockout;
    private final Clock clock;

    BillingUserDetailsService(JdbcClient jdbc, LoginLockout lockout, Clock clock) {
        this.jdbc = jdbc;
        this.lockout = lockout;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find("email = :key", username.toLowerCase(Locale.ROOT).strip())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    /** The user the portal vouches for ({@link PortalAssertionFilter}). */
    Optional<BillingUser> loadById(UUID userId) {
        return find("id = :key", userId);
    }

    private Optional<BillingUser> find(String condition, Object key) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select id, email, password_hash, platform_role, status, locked_until from users
                        where """ + " " + condition)
                .param("key", key)
                .query((rs, row) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    return new BillingUser(id, rs.getString("email"), rs.getString("password_hash"),
                            rs.getString("platform_role"), memberships(id), rs.getString("status").equals("ACTIVE"),
                            lockout.isLocked(lockedUntil == null ? null : lockedUntil.toInstant(), now));
                })
                .optional();
    }

    private Map<UUID, String> memberships(UUID userId) {
        Map<UUID, String> roles = new HashMap<>();
        jdbc.sql("select tenant_id, role from memberships where user_id = :user").param("user", userId)
                .query(rs -> {
                    roles.put(rs.getObject("tenant_id", UUID.class), rs.getString("role"));
                });
        return roles;
    }
}
