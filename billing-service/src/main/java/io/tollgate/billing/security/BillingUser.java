package io.tollgate.billing.security;

import io.tollgate.model.account.PlatformRole;
import io.tollgate.model.account.Roles;
import io.tollgate.model.account.TenantRole;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in user: the platform role, if any, and the role in each tenant they belong to. */
public final class BillingUser implements UserDetails {

    private final UUID id;
    private final String email;
    private final @Nullable String passwordHash;
    private final @Nullable String platformRole;
    private final Map<UUID, String> tenantRoles;
    private final boolean enabled;
    private final boolean locked;

    BillingUser(UUID id, String email, @Nullable String passwordHash, @Nullable String platformRole,
                Map<UUID, String> tenantRoles, boolean enabled, boolean locked) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.platformRole = platformRole;
        this.tenantRoles = Map.copyOf(tenantRoles);
        this.enabled = enabled;
        this.locked = locked;
    }

    public UUID id() {
        return id;
    }

    public Optional<String> platformRole() {
        return Optional.ofNullable(platformRole);
    }

    /** FINANCE and ADMIN read every tenant's billing. */
    public boolean seesAllTenants() {
        return isFinance() || PlatformRole.ADMIN.name().equals(platformRole);
    }

    public boolean isFinance() {
        return PlatformRole.FINANCE.name().equals(platformRole);
    }

    /** Tenants whose billing this user may read as a member: BILLING or ADMIN there. */
    public Set<UUID> billableTenants() {
        return tenantRoles.entrySet().stream()
                .filter(e -> e.getValue().equals(TenantRole.BILLING.name())
                        || e.getValue().equals(TenantRole.ADMIN.name()))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }

    public boolean canRead(UUID tenantId) {
        return seesAllTenants() || billableTenants().contains(tenantId);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return platformRole == null ? List.of()
                : List.of(new SimpleGrantedAuthority("ROLE_" + Roles.forPlatformRole(platformRole)));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public String toString() {
        return "BillingUser[" + email + ", platformRole=" + platformRole + ", tenants=" + tenantRoles.size() + "]";
    }
}
