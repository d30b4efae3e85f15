package io.tollgate.portal.members;

import io.tollgate.model.account.Invitation;
import io.tollgate.model.account.InvitationRepository;
import io.tollgate.model.account.LastTenantAdminException;
import io.tollgate.model.account.Tenant;
import io.tollgate.model.account.TenantMembership;
import io.tollgate.model.account.TenantMembershipRepository;
import io.tollgate.model.account.TenantRepository;
import io.tollgate.model.account.UserAccount;
import io.tollgate.model.account.UserAccountRepository;
import io.tollgate.model.tenancy.PlatformScope;
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
 *
 * <p>Whoever follows a link acts for no tenant yet (nobody is signed in, or someone is, for another tenant). Reading the
 * link's invitation is SQL, as sign-in is; accepting it changes the inviting tenant's invitation and memberships, so it
 * runs in the {@link PlatformScope}, where the link's token picks the invitation and its tenant.
 */
@Service
public class InvitationService {

    public static final String ROUTE = "invite";

    /** What the link's page shows: whom the invitation is for, where, and whether that address has an account. */
    public record OpenInvitation(UUID id, UUID tenantId, String tenantName, String email, String role,
                                 boolean accountExists) {
    }

    /** Why a link's invitation cannot be accepted, for its page. */
    public enum Closed { EXPIRED, ACCEPTED, UNKNOWN }

    /** A link that no longer leads to an open invitation: why, and when it was for a known one. */
    public record ClosedLink(Closed why, @Nullable String tenantName, @Nullable Instant expiredAt) {
    }

    private final JdbcClient jdbc;
    private final PlatformScope platform;
    private final InvitationRepository invitations;
    private final TenantMembershipRepository memberships;
    private final UserAccountRepository accounts;
    private final TenantRepository tenants;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;

    InvitationService(JdbcClient jdbc, PlatformScope platform, InvitationRepository invitations,
                      TenantMembershipRepository memberships, UserAccountRepository accounts, TenantRepository tenants,
                      PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, CurrentUser currentUser,
                      AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.platform = platform;
        this.invitations = invitations;
        this.memberships = memberships;
        this.accounts = accounts;
        this.tenants = tenants;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    /** The open invitation behind the token, if it is valid, unused and not expired. */
    @Transactional(readOnly = true)
    public Optional<OpenInvitation> find(String token) {
        return jdbc.sql("""
                        select i.id, i.tenant_id, t.name, i.email, i.role,
                               exists(select 1 from users u where u.email = i.email) as account_exists
                        from invitations i join tenants t on t.id = i.tenant_id
                        where i.token_hash = ? and i.accepted_at is null and i.expires_at > ?""")
                .params(SecretTokens.hash(token), Sql.timestamp(clock.instant()))
                .query((rs, n) -> new OpenInvitation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)))
                .optional();
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
    public String acceptWithNewAccount(String token, String displayName, String password) {
        return platform.call("accept an invitation by its link, with a new account", () -> {
            Invitation invitation = lockOpen(token);
            if (accounts.existsByEmail(invitation.getEmail())) {
                throw new PortalException("This address already has an account: sign in as " + invitation.getEmail()
                        + " to accept");
            }
            if (displayName.isBlank() || displayName.trim().length() > 200) {
                throw new PortalException("Give your name (at most 200 characters)");
            }
            passwordPolicy.check(password, invitation.getEmail());
            UserAccount account = accounts.save(new UserAccount(invitation.getEmail(), displayName.trim(),
                    passwordEncoder.encode(password), clock.instant()));
            join(invitation, account.getId());
            return invitation.getEmail();
        });
    }

    /** Adds the signed-in user to the tenant, when the invitation is for their address. */
    @PreAuthorize("isAuthenticated()")
    public OpenInvitation acceptAsSignedInUser(String token) {
        PortalUser user = currentUser.require();
        return platform.call("accept an invitation by its link, as the signed-in " + user.userId(), () -> {
            Invitation invitation = lockOpen(token);
            if (!invitation.getEmail().equals(user.email())) {
                throw new PortalException("This invitation is for " + invitation.getEmail()
                        + ", and you are signed in as " + user.email() + ". Sign out, then open the link again.");
            }
            join(invitation, user.userId());
            String tenantName = tenants.findById(invitation.getTenantId()).map(Tenant::getName).orElseThrow();
            return new OpenInvitation(invitation.getId(), invitation.getTenantId(), tenantName,
                    invitation.getEmail(), invitation.getRole().name(), true);
        });
    }

    private Invitation lockOpen(String token) {
        Instant now = clock.instant();
        return invitations.findByTokenHashForUpdate(SecretTokens.hash(token))
                .filter(invitation -> invitation.isOpen(now))
                .orElseThrow(() -> new PortalException("This invitation is invalid, used or expired"));
    }

    /** A member already gets the invited role; the tenant's last administrator keeps theirs. */
    private void join(Invitation invitation, UUID userId) {
        Instant now = clock.instant();
        UUID tenantId = invitation.getTenantId();
        invitation.accept(now);
        memberships.findByTenantIdAndUserId(tenantId, userId).ifPresentOrElse(member -> {
            try {
                member.changeRole(invitation.getRole(), memberships.findAdminsForUpdate(tenantId).size());
            } catch (LastTenantAdminException last) {
                throw new PortalException("You are the last administrator of this tenant and keep that role; "
                        + "make someone else an administrator first");
            }
        }, () -> memberships.save(new TenantMembership(tenantId, userId, invitation.getRole(), now)));
        audit.record(tenantId, "member.join", "user", userId,
                Map.of("email", invitation.getEmail(), "role", invitation.getRole().name()));
    }
}
