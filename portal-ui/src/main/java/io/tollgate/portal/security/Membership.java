package io.tollgate.portal.security;

import java.io.Serializable;
import java.util.UUID;

/** One of the signed-in user's tenants and their role in it ("ADMIN", "DEVELOPER", "BILLING"). */
public record Membership(UUID tenantId, String tenantName, String role) implements Serializable {
}
