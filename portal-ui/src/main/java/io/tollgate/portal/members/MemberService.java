package io.tollgate.portal.members;

import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.CurrentUser;
import io.tollgate.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Members of the signed-in admin's tenant, and invitations by one-time link. */
@Service
@Transactional
@RolesAllowed(Roles.TENANT_ADMIN)
public class MemberService {

    public record Member(UUID userId, String email, String displayName, String role) {
    }

    public record PendingInvitation(UUID id, String email, String role, Instant expiresAt) {
    }

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    private static final List<String> ROLES = List.of("ADMIN", "DEVELOPER", "BILLING");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    MemberService(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Member> members() {
        return jdbc.sql("""
                        select u.id, u.email, u.display_name, m.role from memberships m join users u on u.id = m.user_id
                        where m.tenant_id = ? order by u.email""")
                .param(currentUser.tenantId())
                .query((rs, n) -> new Member(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    @Transactional(readOnly = true)
    public List<PendingInvitation> invitations() {
        return jdbc.sql("""
                        select id, email, role, expires_at from invitations
                        where tenant_id = ? and accepted_at is null and expires_at > ? order by created_at desc""")
                .params(currentUser.tenantId(), Sql.timestamp(clock.instant()))
                .query((rs, n) -> new PendingInvitation(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("role"), Sql.instant(rs, "expires_at")))
                .list();
    }

    /** Returns the one-time token; only its SHA-256 is stored, so the link can be shown once. */
    public String invite(String email, String role) {
        if (!ROLES.contains(role)) {
            throw new PortalException("Unknown role " + role);
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
            throw new PortalException("Enter a valid email address");
        }
        UUID tenantId = currentUser.tenantId();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into invitations (id, tenant_id, email, role, token_hash, invited_by, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, normalized, role, InvitationTokens.hash(token), currentUser.require().userId(),
                        Sql.timestamp(clock.instant().plus(INVITATION_VALIDITY)))
                .update();
        audit.record(tenantId, "member.invite", "invitation", id, Map.of("email", normalized, "role", role));
        return token;
    }

    public void remove(UUID userId) {
        UUID tenantId = currentUser.tenantId();
        if (userId.equals(currentUser.require().userId())) {
            throw new PortalException("You cannot remove yourself; ask another administrator");
        }
        if (jdbc.sql("delete from memberships where tenant_id = ? and user_id = ?").params(tenantId, userId).update() == 0) {
            throw PortalException.notFound("Member");
        }
        audit.record(tenantId, "member.remove", "user", userId, Map.of());
    }
}
