package io.tollgate.portal.members;

import io.tollgate.model.account.Roles;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.SecretTokens;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
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

/** Members of the signed-in admin's tenant, and invitations by one-time link: sent, resent and revoked. */
@Service
@Transactional
@RolesAllowed(Roles.TENANT_ADMIN)
public class MemberService {

    public record Member(UUID userId, String email, String displayName, String role) {
    }

    /** An invitation not accepted yet; an expired one stays listed so it can be resent. */
    public record PendingInvitation(UUID id, String email, String role, Instant expiresAt, boolean expired) {
    }

    /**
     * An invitation just sent or resent: e-mailed to the person when SMTP is configured, and then its link is never
     * shown; otherwise the link's token for the administrator to pass on.
     */
    public record NewInvitation(UUID id, String email, Instant expiresAt, @Nullable String linkToken) {

        public Optional<String> tokenToShare() {
            return Optional.ofNullable(linkToken);
        }

        @Override
        public String toString() {
            return "NewInvitation[id=" + id + ", email=" + email + ", expiresAt=" + expiresAt + ", linkToken="
                    + (linkToken == null ? "none" : "<redacted>") + "]";
        }
    }

    private static final List<String> ROLES = List.of("ADMIN", "DEVELOPER", "BILLING");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final InvitationMail mail;
    private final InvitationProperties properties;
    private final Clock clock;

    MemberService(JdbcClient jdbc, CurrentUser currentUser, AuditLog audit, InvitationMail mail,
                  InvitationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.mail = mail;
        this.properties = properties;
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
        Instant now = clock.instant();
        return jdbc.sql("""
                        select id, email, role, expires_at from invitations
                        where tenant_id = ? and accepted_at is null order by created_at desc, id""")
                .param(currentUser.tenantId())
                .query((rs, n) -> {
                    Instant expiresAt = Sql.instant(rs, "expires_at");
                    return new PendingInvitation(rs.getObject("id", UUID.class), rs.getString("email"),
                            rs.getString("role"), expiresAt, !expiresAt.isAfter(now));
                })
                .list();
    }

    /** Whether invitations go out by e-mail (SMTP is configured) rather than as a link to pass on. */
    @Transactional(readOnly = true)
    public boolean emailsInvitations() {
        return mail.delivers();
    }

    /** How long a sent or resent invitation's link works. */
    @Transactional(readOnly = true)
    public String invitationValidity() {
        return properties.validityInWords();
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
        Instant expiresAt = clock.instant().plus(properties.validity());
        jdbc.sql("""
                        insert into invitations (id, tenant_id, email, role, token_hash, invited_by, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, tenantId, normalized, role, SecretTokens.hash(token), currentUser.require().userId(),
                        Sql.timestamp(expiresAt))
                .update();
        audit.record(tenantId, "member.invite", "invitation", id, Map.of("email", normalized, "role", role,
                "emailed", mail.delivers(), "expires_at", expiresAt.toString()));
        return mail.send(currentUser.require(), id, normalized, role, token, expiresAt);
    }

    /**
     * Sends the invitation again with a new link and a renewed expiry (also after it expired); the link sent before
     * stops working, since only the new token's hash is kept.
     */
    public NewInvitation resend(UUID invitationId) {
        UUID tenantId = currentUser.tenantId();
        record Invited(String email, String role) {
        }
        Invited invited = jdbc.sql("""
                        select email, role from invitations
                        where id = ? and tenant_id = ? and accepted_at is null for update""")
                .params(invitationId, tenantId)
                .query((rs, n) -> new Invited(rs.getString("email"), rs.getString("role")))
                .optional().orElseThrow(() -> PortalException.notFound("Invitation"));
        String token = SecretTokens.generate();
        Instant expiresAt = clock.instant().plus(properties.validity());
        jdbc.sql("update invitations set token_hash = ?, expires_at = ? where id = ?")
                .params(SecretTokens.hash(token), Sql.timestamp(expiresAt), invitationId).update();
        audit.record(tenantId, "member.invite.resend", "invitation", invitationId, Map.of("email", invited.email(),
                "role", invited.role(), "emailed", mail.delivers(), "expires_at", expiresAt.toString()));
        return mail.send(currentUser.require(), invitationId, invited.email(), invited.role(), token, expiresAt);
    }

    /** Withdraws an invitation nobody accepted yet; its link stops working. */
    public void revoke(UUID invitationId) {
        UUID tenantId = currentUser.tenantId();
        String email = jdbc.sql("""
                        delete from invitations where id = ? and tenant_id = ? and accepted_at is null
                        returning email""")
                .params(invitationId, tenantId).query(String.class).optional()
                .orElseThrow(() -> PortalException.notFound("Invitation"));
        audit.record(tenantId, "member.invite.revoke", "invitation", invitationId, Map.of("email", email));
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
