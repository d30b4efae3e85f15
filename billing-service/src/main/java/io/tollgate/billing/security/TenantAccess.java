package io.tollgate.billing.security;

import io.tollgate.billing.error.BillingException;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The tenant check of every billing endpoint: platform FINANCE/ADMIN see all tenants, a tenant's BILLING and ADMIN
 * members only their own (from their memberships, never from the URL alone).
 */
@Component
public class TenantAccess {

    public BillingUser currentUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof BillingUser user) {
            return user;
        }
        throw BillingException.forbidden("No billing user is signed in");
    }

    public BillingUser requireTenant(UUID tenantId) {
        BillingUser user = currentUser();
        if (!user.canRead(tenantId)) {
            throw BillingException.forbidden("You may not see the billing of tenant " + tenantId);
        }
        return user;
    }

    /** For objects found by their own id: another tenant's object is reported as missing, not as forbidden. */
    public void requireVisible(UUID ownerTenantId, String what) {
        if (!currentUser().canRead(ownerTenantId)) {
            throw BillingException.notFound(what);
        }
    }

    public BillingUser requireFinance() {
        BillingUser user = currentUser();
        if (!user.isFinance()) {
            throw BillingException.forbidden("Only the platform's finance role may do this");
        }
        return user;
    }
}
