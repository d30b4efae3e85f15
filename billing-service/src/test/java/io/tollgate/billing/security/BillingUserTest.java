package io.tollgate.billing.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.account.Roles;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class BillingUserTest {

    private static final UUID TENANT = UUID.randomUUID();

    @Test
    void a_platform_role_is_granted_under_the_platforms_one_role_name() {
        var admin = new BillingUser(UUID.randomUUID(), "admin@tollgate.test", null, "ADMIN", Map.of(), true, false);
        var finance = new BillingUser(UUID.randomUUID(), "finance@tollgate.test", null, "FINANCE", Map.of(), true, false);

        assertThat(admin.getAuthorities()).map(GrantedAuthority::getAuthority).containsExactly("ROLE_" + Roles.PLATFORM_ADMIN);
        assertThat(finance.getAuthorities()).map(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_" + Roles.PLATFORM_FINANCE);
        assertThat(admin.seesAllTenants()).isTrue();
        assertThat(admin.isFinance()).isFalse();
        assertThat(finance.isFinance()).isTrue();
    }

    @Test
    void a_tenants_admin_is_no_platform_admin() {
        var tenantAdmin = new BillingUser(UUID.randomUUID(), "owner@acme.test", null, null, Map.of(TENANT, "ADMIN"),
                true, false);
        var developer = new BillingUser(UUID.randomUUID(), "dev@acme.test", null, null, Map.of(TENANT, "DEVELOPER"),
                true, false);

        assertThat(tenantAdmin.getAuthorities()).isEmpty();
        assertThat(tenantAdmin.seesAllTenants()).isFalse();
        assertThat(tenantAdmin.canRead(TENANT)).isTrue();
        assertThat(tenantAdmin.canRead(UUID.randomUUID())).isFalse();
        assertThat(developer.canRead(TENANT)).isFalse();
    }
}
