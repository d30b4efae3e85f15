package io.tollgate.portal.members;

import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.SecretTokens;
import io.tollgate.portal.common.Sql;
import io.tollgate.portal.security.CurrentUser;
import io.tollgate.portal.security.PasswordPolicy;
import io.tollgate.portal.security.PortalUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepting an invitation link, once and before it expires. The role always goes to the invited address: to its
 * existing account only when that account is the one signed in, otherwise to a new account created for exactly that
 * address. Holding the link is the proof of the address (it was e-mailed there, or handed over by the tenant's
 * administrator when the portal has no SMTP server); a stranger's account never receives the role.
 */
@Service
public class InvitationService {

    public static final String ROUTE = "invite";

    /** What the link's page shows: whom the invitation is for, where, and whether that address has an account. */
    public record Invitation(UUID id, UUID tenantId, String tenantName, String email, String role,
                             boolean accountExists) {
    }

    /** Why a link's invitation cannot be accepted, for its page. */
    public enum Closed { EXPIRED, ACCEPTED, UNKNOWN }

    /** A link that no longer leads to an open invitation: why, and when it was for a known one. */
    public record ClosedLink(Closed why, @Nullable String tenantName, @Nullable Instant expiredAt) {
    }

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    InvitationService(JdbcClient jdbc, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
                      CurrentUser currentUser, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The open invitation behind the token, if it is valid, unused and not expired. */
    @Transactional(readOnly = true)
    public Optional<Invitation> find(String token) {
        return open(token, "");
    }

    /**
     * What became of the link's invitation when {@link #find} has none: expired or accepted, or unknown (never
     * issued, replaced by a resent link, or revoked: only the newest token's hash is kept).
     */
    @Transactional(readOnly = true)
    public ClosedLink closed(String token) {
        return jdbc.sql("""
                        select t.name, i.expires_at, i.accepted_at
                        from invitations i join tenants t on t.id = i.tenant_id where i.token_hash = ?""")
                .param(SecretTokens.hash(token))
                .query((rs, n) -> rs.getTimestamp("accepted_at") != null
                        ? new ClosedLink(Closed.ACCEPTED, rs.getString("name"), null)
                        : new ClosedLink(Closed.EXPIRED, rs.getString("name"), Sql.instant(rs, "expires_at")))
                .optional()
                .orElse(new ClosedLink(Closed.UNKNOWN, null, null));
    }

    /** Creates the invited address's account and adds it to the tenant; returns the address. */
    @Transactional
    public String acceptWithNewAccount(String token, String displayName, String password) {
        Invitation invitation = lockOpen(token);
        if (invitation.accountExists()) {
            throw new PortalException("This address already has an account: sign in as " + invitation.email()
                    + " to accept");
        }
        if (displayName.isBlank() || displayName.trim().length() > 200) {
            throw new PortalException("Give your name (at most 200 characters)");
        }
        passwordPolicy.check(password, invitation.email());
        UUID userId = UUID.randomUUID();
        jdbc.sql("insert into users (id, email, display_name, password_hash) values (?, ?, ?, ?)")
                .params(userId, invitation.email(), displayName.trim(), passwordEncoder.encode(password)).update();
        join(invitation, userId);
        return invitation.email();
    }

    /** Adds the signed-in user to the tenant, when the invitation is for their address. */
    @Transactional
    @PreAuthorize("isAuthenticated()")
    public Invitation acceptAsSignedInUser(String token) {
        PortalUser user = currentUser.require();
        Invitation invitation = lockOpen(token);
        if (!invitation.email().equals(user.email())) {
            throw new PortalException("This invitation is for " + invitation.email() + ", and you are signed in as "
                    + user.email() + ". Sign out, then open the link again.");
        }
        join(invitation, user.userId());
        return invitation;
    }

    private Invitation lockOpen(String token) {
        return open(token, " for update of i")
                .orElseThrow(() -> new PortalException("This invitation is invalid, used or expired"));
    }

    private Optional<Invitation> open(String token, String lock) {
        return jdbc.sql("""
                        select i.id, i.tenant_id, t.name, i.email, i.role,
                               exists(select 1 from users u where u.email = i.email) as account_exists
                        from invitations i join tenants t on t.id = i.tenant_id
                        where i.token_hash = ? and i.accepted_at is null and i.expires_at > ?""" + lock)
                .params(SecretTokens.hash(token), Sql.timestamp(clock.instant()))
                .query((rs, n) -> new Invitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)))
                .optional();
    }

    private void join(Invitation invitation, UUID userId) {
        jdbc.sql("""
                        insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, ?)
                        on conflict (tenant_id, user_id) do update set role = excluded.role""")
                .params(UUID.randomUUID(), invitation.tenantId(), userId, invitation.role()).update();
        jdbc.sql("update invitations set accepted_at = ? where id = ?")
                .params(Sql.timestamp(clock.instant()), invitation.id()).update();
        audit.record(invitation.tenantId(), "member.join", "user", userId,
                Map.of("email", invitation.email(), "role", invitation.role()));
    }
}
