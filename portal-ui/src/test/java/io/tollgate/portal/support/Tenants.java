package io.tollgate.portal.support;

import io.tollgate.portal.security.PortalUser;
import io.tollgate.testsupport.TestPasswords;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Creates fresh tenants and users straight in the database, and signs them in for service calls. */
public final class Tenants {

    private final JdbcClient jdbc;

    public Tenants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new tenant with one member of the given role ("ADMIN", "DEVELOPER", "BILLING"). */
    public PortalUser newTenantMember(String role) {
        UUID tenantId = UUID.randomUUID();
        String slug = "t-" + tenantId.toString().substring(0, 12);
        jdbc.sql("insert into tenants (id, slug, name, plan_id) values (?, ?, ?, '00000000-0000-0000-0000-00000000f002')")
                .params(tenantId, slug, "Tenant " + slug).update();
        return newMember(tenantId, "Tenant " + slug, role);
    }

    /** A new member of the tenant without a password: signed in for service calls with {@link #signIn}. */
    public PortalUser newMember(UUID tenantId, String tenantName, String role) {
        return member(tenantId, tenantName, role, "Test user", null);
    }

    /** A new member of the tenant who signs in to the portal in a browser with the password. */
    public PortalUser newMember(UUID tenantId, String tenantName, String role, String displayName, String password) {
        return member(tenantId, tenantName, role, displayName, TestPasswords.hash(password));
    }

    private PortalUser member(UUID tenantId, String tenantName, String role, String displayName,
                              @Nullable String passwordHash) {
        UUID userId = UUID.randomUUID();
        String email = "u-" + userId + "@tollgate.test";
        jdbc.sql("insert into users (id, email, display_name, password_hash) values (?, ?, ?, ?)")
                .params(userId, email, displayName, passwordHash).update();
        jdbc.sql("insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), tenantId, userId, role).update();
        return new PortalUser(userId, email, displayName, tenantId, tenantName, role, null);
    }

    /** Makes an existing user a member of another tenant too, as an accepted invitation does. */
    public void join(PortalUser user, UUID tenantId, String role) {
        jdbc.sql("insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), tenantId, user.userId(), role).update();
    }

    public PortalUser newPlatformUser(String platformRole) {
        return platformUser(platformRole, "Platform user", null);
    }

    /** A new platform user ("FINANCE", "PLATFORM_ADMIN") who signs in to the portal in a browser with the password. */
    public PortalUser newPlatformUser(String platformRole, String displayName, String password) {
        return platformUser(platformRole, displayName, TestPasswords.hash(password));
    }

    private PortalUser platformUser(String platformRole, String displayName, @Nullable String passwordHash) {
        UUID userId = UUID.randomUUID();
        String email = "p-" + userId + "@tollgate.test";
        jdbc.sql("""
                        insert into users (id, email, display_name, password_hash, platform_role)
                        values (?, ?, ?, ?, ?)""")
                .params(userId, email, displayName, passwordHash, platformRole).update();
        return new PortalUser(userId, email, displayName, null, null, null, platformRole);
    }

    public static void signIn(PortalUser user) {
        var authorities = user.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        signIn(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    public static void signIn(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
        SecurityContexts.STRATEGIES.forEach(strategy -> strategy.getContext().setAuthentication(authentication));
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
        SecurityContexts.STRATEGIES.forEach(strategy -> strategy.clearContext());
    }
}
