package io.tollgate.portal.support;

import io.tollgate.portal.security.PortalUser;
import java.util.UUID;
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

    public PortalUser newMember(UUID tenantId, String tenantName, String role) {
        UUID userId = UUID.randomUUID();
        String email = "u-" + userId + "@tollgate.test";
        jdbc.sql("insert into users (id, email, display_name, password_hash) values (?, ?, 'Test user', null)")
                .params(userId, email).update();
        jdbc.sql("insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), tenantId, userId, role).update();
        return new PortalUser(userId, email, "Test user", tenantId, tenantName, role, null);
    }

    /** Makes an existing user a member of another tenant too, as an accepted invitation does. */
    public void join(PortalUser user, UUID tenantId, String role) {
        jdbc.sql("insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), tenantId, user.userId(), role).update();
    }

    public PortalUser newPlatformUser(String platformRole) {
        UUID userId = UUID.randomUUID();
        String email = "p-" + userId + "@tollgate.test";
        jdbc.sql("insert into users (id, email, display_name, platform_role) values (?, ?, 'Platform user', ?)")
                .params(userId, email, platformRole).update();
        return new PortalUser(userId, email, "Platform user", null, null, null, platformRole);
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
