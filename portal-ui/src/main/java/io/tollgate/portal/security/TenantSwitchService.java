package io.tollgate.portal.security;

import io.tollgate.portal.common.PortalException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lets someone who belongs to several tenants work in another of them for the rest of the session. The target is
 * looked up among the signed-in user's own memberships, so an id they do not belong to changes nothing.
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class TenantSwitchService {

    private final UserAccounts accounts;
    private final CurrentUser currentUser;
    private final SignedInSession session;
    private final AuditTrail audit;

    TenantSwitchService(UserAccounts accounts, CurrentUser currentUser, SignedInSession session, AuditTrail audit) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.session = session;
        this.audit = audit;
    }

    /** The signed-in user's tenants, oldest membership first. */
    @Transactional(readOnly = true)
    public List<Membership> memberships() {
        return accounts.memberships(currentUser.require().userId());
    }

    /** Switches tenant and role; returns the user as every later request sees them. */
    public PortalUser switchTo(UUID tenantId) {
        PortalUser user = currentUser.require();
        Membership target = accounts.membership(user.userId(), tenantId)
                .orElseThrow(() -> PortalException.notFound("Tenant"));
        audit.record(target.tenantId(), "tenant.switch", "tenant", target.tenantId(),
                Map.of("from", String.valueOf(user.tenantId()), "role", target.role()));
        PortalUser switched = user.inTenant(target);
        session.replaceUser(switched);
        return switched;
    }
}
