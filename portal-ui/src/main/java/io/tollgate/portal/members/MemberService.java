package io.tollgate.portal.members;

import io.tollgate.model.account.Invitation;
import io.tollgate.model.account.InvitationRepository;
import io.tollgate.model.account.LastTenantAdminException;
import io.tollgate.model.account.Roles;
import io.tollgate.model.account.TenantMembership;
import io.tollgate.model.account.TenantMembershipRepository;
import io.tollgate.model.account.TenantRole;
import io.tollgate.model.account.UserAccount;
import io.tollgate.portal.audit.AuditLog;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.SecretTokens;
import io.tollgate.portal.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members of the signed-in admin's tenant, and invitations by one-time link: sent, resent and revoked. The
 * repositories see only the acting tenant's memberships and invitations (Hibernate's tenant discriminator).
 */
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

    private final TenantMembershipRepository memberships;
    private final InvitationRepository invitations;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final InvitationMail mail;
    private final InvitationProperties properties;
    private final Clock clock;

    MemberService(TenantMembershipRepository memberships, InvitationRepository invitations, CurrentUser currentUser,
                  AuditLog audit, InvitationMail mail, InvitationProperties properties, Clock clock) {
        this.memberships = memberships;
        this.invitations = invitations;
        this.currentUser = currentUser;
        this.audit = audit;
        this.mail = mail;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Member> members() {
        return memberships.findAllListed().stream()
                .map(member -> new Member(member.userId(), member.email(), member.displayName(), member.role().name()))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<PendingInvitation> invitations() {
        Instant now = clock.instant();
        return invitations.findAllNotAccepted().stream()
                .map(invitation -> new PendingInvitation(invitation.getId(), invitation.getEmail(),
                        invitation.getRole().name(), invitation.getExpiresAt(), invitation.isExpired(now)))
                .toList();
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
        TenantRole tenantRole = tenantRole(role);
        UUID tenantId = currentUser.tenantId();
        String normalized = UserAccount.normalizedEmail(email);
        if (!normalized.matches("[^@\\s]+@[^@\\s]+")) {
            throw new PortalException("Enter a valid email address");
        }
        String token = SecretTokens.generate();
        Instant now = clock.instant();
        Invitation invitation = invitations.saveAndFlush(new Invitation(normalized, tenantRole,
                SecretTokens.hash(token), currentUser.require().userId(), now.plus(properties.validity()), now));
        Instant expiresAt = invitation.getExpiresAt();
        audit.record(tenantId, "member.invite", "invitation", invitation.getId(), Map.of("email",
                normalized, "role", role, "emailed", mail.delivers(), "expires_at", expiresAt.toString()));
        return mail.send(currentUser.require(), invitation.getId(), normalized, role, token, expiresAt);
    }

    /**
     * Sends the invitation again with a new link and a renewed expiry (also after it expired); the link sent before
     * stops working, since only the new token's hash is kept.
     */
    public NewInvitation resend(UUID invitationId) {
        UUID tenantId = currentUser.tenantId();
        Invitation invitation = invitations.findNotAcceptedForUpdate(invitationId)
                .orElseThrow(() -> PortalException.notFound("Invitation"));
        String token = SecretTokens.generate();
        invitation.renew(SecretTokens.hash(token), clock.instant().plus(properties.validity()));
        Instant expiresAt = invitation.getExpiresAt();
        String role = invitation.getRole().name();
        audit.record(tenantId, "member.invite.resend", "invitation", invitationId, Map.of("email",
                invitation.getEmail(), "role", role, "emailed", mail.delivers(), "expires_at", expiresAt.toString()));
        return mail.send(currentUser.require(), invitationId, invitation.getEmail(), role, token, expiresAt);
    }

    /** Withdraws an invitation nobody accepted yet; its link stops working. */
    public void revoke(UUID invitationId) {
        UUID tenantId = currentUser.tenantId();
        Invitation invitation = invitations.findNotAcceptedForUpdate(invitationId)
                .orElseThrow(() -> PortalException.notFound("Invitation"));
        invitations.delete(invitation);
        audit.record(tenantId, "member.invite.revoke", "invitation", invitationId,
                Map.of("email", invitation.getEmail()));
    }

    /** Ends the person's membership of this tenant; the tenant keeps at least one administrator. */
    public void remove(UUID userId) {
        UUID tenantId = currentUser.tenantId();
        if (userId.equals(currentUser.require().userId())) {
            throw new PortalException("You cannot remove yourself; ask another administrator");
        }
        TenantMembership membership = memberships.findByUserId(userId)
                .orElseThrow(() -> PortalException.notFound("Member"));
        try {
            membership.requireRemovable(memberships.findAdminsForUpdate(tenantId).size());
        } catch (LastTenantAdminException last) {
            throw PortalException.conflict("This is the tenant's last administrator; make someone else one first");
        }
        memberships.delete(membership);
        audit.record(tenantId, "member.remove", "user", userId, Map.of());
    }

    private static TenantRole tenantRole(String role) {
        return Arrays.stream(TenantRole.values()).filter(known -> known.name().equals(role)).findFirst()
                .orElseThrow(() -> new PortalException("Unknown role " + role));
    }
}
