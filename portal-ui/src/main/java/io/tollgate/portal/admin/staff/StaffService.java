package io.tollgate.portal.admin.staff;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a platform role. Roles go to existing accounts only (people join by sign-up or invitation first), take
 * effect at their next sign-in, and an administrator cannot remove their own role, so the platform keeps one.
 */
@Service
@Transactional
@RolesAllowed(Roles.PLATFORM_ADMIN)
public class StaffService {

    static final Set<String> PLATFORM_ROLES = Set.of("ADMIN", "FINANCE");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;

    StaffService(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<StaffMember> list() {
        return jdbc.sql("""
                        select id, email, display_name, platform_role, last_login_at from users
                        where platform_role is not null order by platform_role, email""")
                .query((rs, n) -> new StaffMember(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("display_name"), rs.getString("platform_role"), Sql.instant(rs, "last_login_at")))
                .list();
    }

    public void grant(String email, String platformRole) {
        if (!PLATFORM_ROLES.contains(platformRole)) {
            throw new PortalException("Choose ADMIN or FINANCE");
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        UUID userId = jdbc.sql("select id from users where email = ?").param(normalized).query(UUID.class).optional()
                .orElseThrow(() -> new PortalException("No account uses " + normalized
                        + "; they sign up or accept an invitation first"));
        if (userId.equals(currentUser.require().userId())) {
            throw new PortalException("You cannot change your own platform role");
        }
        jdbc.sql("update users set platform_role = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(platformRole, userId).update();
        audit.record(null, "staff.grant", "user", userId, Map.of("email", normalized, "role", platformRole));
    }

    public void remove(UUID userId) {
        if (userId.equals(currentUser.require().userId())) {
            throw new PortalException("You cannot remove your own platform role");
        }
        int updated = jdbc.sql("""
                        update users set platform_role = null, updated_at = now(), version = version + 1
                        where id = ? and platform_role is not null""")
                .param(userId).update();
        if (updated == 0) {
            throw PortalException.notFound("Staff member");
        }
        audit.record(null, "staff.remove", "user", userId, Map.of());
    }
}
