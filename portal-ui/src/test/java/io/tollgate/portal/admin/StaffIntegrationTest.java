package io.tollgate.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.admin.staff.StaffMember;
import io.tollgate.portal.admin.staff.StaffService;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PortalIntegrationTest
class StaffIntegrationTest {

    @Autowired
    StaffService staff;
    @Autowired
    JdbcClient jdbc;

    PortalUser admin;
    PortalUser accountant;

    @BeforeEach
    void anAdministratorAndAnAccount() {
        admin = new Tenants(jdbc).newPlatformUser("ADMIN");
        accountant = new Tenants(jdbc).newTenantMember("BILLING");
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void an_administrator_makes_an_existing_account_finance_staff_and_takes_it_back_audited() {
        Tenants.signIn(admin);

        staff.grant(" " + accountant.email().toUpperCase() + " ", "FINANCE");
        assertThat(staff.list()).filteredOn(member -> member.userId().equals(accountant.userId()))
                .extracting(StaffMember::platformRole).containsExactly("FINANCE");
        staff.remove(accountant.userId());

        assertThat(jdbc.sql("select platform_role from users where id = ?").param(accountant.userId())
                .query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("select action from audit_log where target_id = ? and actor_user_id = ? order by id")
                .params(accountant.userId().toString(), admin.userId()).query(String.class).list())
                .containsExactly("staff.grant", "staff.remove");
    }

    @Test
    void roles_go_only_to_existing_accounts_and_never_to_oneself() {
        Tenants.signIn(admin);

        assertThatThrownBy(() -> staff.grant("nobody-" + admin.userId() + "@x.test", "FINANCE"))
                .isInstanceOf(PortalException.class).hasMessageContaining("sign up");
        assertThatThrownBy(() -> staff.grant(accountant.email(), "OWNER")).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> staff.grant(admin.email(), "FINANCE")).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> staff.remove(admin.userId())).isInstanceOf(PortalException.class);
    }

    @Test
    void neither_tenant_administrators_nor_finance_staff_hand_out_platform_roles() {
        Tenants.signIn(new Tenants(jdbc).newTenantMember("ADMIN"));
        assertThatThrownBy(() -> staff.grant(accountant.email(), "ADMIN")).isInstanceOf(AccessDeniedException.class);

        Tenants.signIn(new Tenants(jdbc).newPlatformUser("FINANCE"));
        assertThatThrownBy(() -> staff.grant(accountant.email(), "ADMIN")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(staff::list).isInstanceOf(AccessDeniedException.class);
        assertThat(jdbc.sql("select platform_role from users where id = ?").param(accountant.userId())
                .query(String.class).optional()).isEmpty();
    }
}
