package io.tollgate.portal.members;

import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.SecretTokens;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.mail.Mailer;
import io.tollgate.portal.security.CurrentUser;
import io.tollgate.portal.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

    /**
     * A new invitation: e-mailed to the person when SMTP is configured, and then its link is never shown; otherwise
     * the link for the administrator to pass on.
     */
    public record NewInvitation(String email, @Nullable String linkToken) {

        public Optional<String> tokenToShare() {
            return Optional.ofNullable(linkToken);
        }
    }

    static final Duration INVITATION_VALIDITY = Duration.ofDays(7);
    private static final List<String> ROLES = List.of("ADMIN", "DEVELOPER", "BILLING");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Mailer mailer;
    private final Clock clock;

    MemberService(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, Mailer mailer, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.mailer = mailer;
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

    /** Whether invitations go out by e-mail (SMTP is configured) rather than as a link to pass on. */
    @Transactional(readOnly = true)
    public boolean emailsInvitations() {
        return mailer.delivers();
    }

    /** Creates a one-time link for the address; only the token's SHA-256 is stored, so it can be shown once. */
    public NewInvitation invite(String email, String role) {
        if (!ROLES.contains(role)) {
            throw new PortalException("Unknown role " + role);
        }
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
            throw new PortalException("Enter a valid email address");
        }
        UUID tenantId = currentUser.tenantId();
        String token = SecretTokens.generate();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into invitations (id, tenant_id, email, role, token_hash, invited_by, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, normalized, role, SecretTokens.hash(token), currentUser.require().userId(),
                        Sql.timestamp(clock.instant().plus(INVITATION_VALIDITY)))
                .update();
        audit.record(tenantId, "member.invite", "invitation", id,
                Map.of("email", normalized, "role", role, "emailed", mailer.delivers()));
        if (!mailer.delivers()) {
            return new NewInvitation(normalized, token);
        }
        mailer.send(normalized, "You are invited to " + currentUser.require().tenantName() + " on Tollgate", """
                %s invited you to join %s on Tollgate as %s. To accept, open this link within %d days:

                %s

                If you already have a Tollgate account with this address, you sign in to it; otherwise you create \
                one. If you did not expect this invitation, ignore this e-mail.
                """.formatted(currentUser.require().displayName(), currentUser.require().tenantName(),
                role.toLowerCase(Locale.ROOT), INVITATION_VALIDITY.toDays(),
                mailer.link(InvitationService.ROUTE + "/" + token)));
        return new NewInvitation(normalized, null);
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
