package io.tollgate.portal.security;

import io.tollgate.model.account.Roles;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The signed-in user as the portal sees it: who, which tenant (if any) and with which roles. */
public record PortalUser(UUID userId, String email, String displayName, @Nullable UUID tenantId,
                         @Nullable String tenantName, @Nullable String tenantRole, @Nullable String platformRole)
        implements Serializable {

    public Optional<UUID> tenant() {
        return Optional.ofNullable(tenantId);
    }

    /** The same person working in another of their tenants, with their role there. */
    PortalUser inTenant(Membership membership) {
        return new PortalUser(userId, email, displayName, membership.tenantId(), membership.tenantName(),
                membership.role(), platformRole);
    }

    public List<String> roles() {
        List<String> roles = new ArrayList<>();
        if (tenantRole != null) {
            roles.add(Roles.forTenantRole(tenantRole));
        }
        if (platformRole != null) {
            roles.add(Roles.forPlatformRole(platformRole));
        }
        return roles;
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    List<GrantedAuthority> authorities() {
        return roles().stream().<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }
}
