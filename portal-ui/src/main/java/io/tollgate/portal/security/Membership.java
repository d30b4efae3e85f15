package io.tollgate.portal.security;

import java.io.Serializable;
import java.util.UUID;

/**
 * One of the signed-in user's tenants and their role in it ("ADMIN", "DEVELOPER", "BILLING"). A suspended tenant's
 * members still sign in (to see invoices and usage); its keys are refused by the gateway.
 */
public record Membership(UUID tenantId, String tenantName, String role, boolean suspended) implements Serializable {

    /** How the tenant menu names it. */
    public String label() {
        return suspended ? tenantName + " (suspended)" : tenantName;
    }
}
