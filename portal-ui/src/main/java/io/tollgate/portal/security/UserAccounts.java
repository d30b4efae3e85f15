package io.tollgate.portal.security;

import io.tollgate.model.account.LoginLockout;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sign-in's view of the users table: credentials, lock state and the user's tenant memberships. */
@Repository
class UserAccounts {

    record Account(UUID id, String email, String displayName, @Nullable String passwordHash,
                   @Nullable String platformRole, String status, @Nullable Instant lockedUntil) {
    }

    private static final String MEMBERSHIPS = """
            select m.tenant_id, t.name, m.role, t.status = 'SUSPENDED' as suspended
            from memberships m join tenants t on t.id = m.tenant_id""";

    private final JdbcClient jdbc;
    private final LoginLockout lockout;

    UserAccounts(JdbcClient jdbc, LoginLockout lockout) {
        this.jdbc = jdbc;
        this.lockout = lockout;
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("""
                        select id, email, display_name, password_hash, platform_role, status, locked_until
                        from users where email = ?""")
                .param(email)
                .query((rs, n) -> new Account(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject(7, java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** Signs in to the oldest membership, so the default tenant never changes between sign-ins. */
    PortalUser toPortalUser(Account account) {
        PortalUser user = new PortalUser(account.id(), account.email(), account.displayName(), null, null, null,
                account.platformRole());
        return memberships(account.id()).stream().findFirst().map(user::inTenant).orElse(user);
    }

    /** The user's memberships, oldest first. */
    List<Membership> memberships(UUID userId) {
        return jdbc.sql(MEMBERSHIPS + " where m.user_id = ? order by m.created_at, m.tenant_id")
                .param(userId)
                .query(UserAccounts::membership)
                .list();
    }

    Optional<Membership> membership(UUID userId, UUID tenantId) {
        return jdbc.sql(MEMBERSHIPS + " where m.user_id = ? and m.tenant_id = ?")
                .params(userId, tenantId)
                .query(UserAccounts::membership)
                .optional();
    }

    private static Membership membership(ResultSet row, int number) throws SQLException {
        return new Membership(row.getObject("tenant_id", UUID.class), row.getString("name"), row.getString("role"),
                row.getBoolean("suspended"));
    }

    /** A sign-in (password or single sign-on): ends the lockout count and records when. */
    void recordSuccess(UUID userId, Instant at) {
        lockout.recordSuccess(userId);
        jdbc.sql("update users set last_login_at = ? where id = ?")
                .param(java.sql.Timestamp.from(at))
                .param(userId)
                .update();
    }
}
