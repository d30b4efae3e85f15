package io.tollgate.portal.budgets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.apps.AppDraft;
import io.tollgate.portal.apps.AppService;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.Catalog;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.math.BigDecimal;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PortalIntegrationTest
class BudgetAuthorizationIntegrationTest {

    @Autowired
    BudgetService budgets;
    @Autowired
    AppService apps;
    @Autowired
    JdbcClient jdbc;

    PortalUser admin;
    PortalUser otherAdmin;

    @BeforeEach
    void setUp() {
        admin = new Tenants(jdbc).newTenantMember("ADMIN");
        otherAdmin = new Tenants(jdbc).newTenantMember("ADMIN");
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    private static BudgetDraft monthly(String scope, UUID appId, UUID modelId, String amount) {
        return new BudgetDraft(scope, appId, modelId, "MONTH", new BigDecimal(amount), "80, 50,100", "ALERT_ONLY", null);
    }

    @Test
    void budgets_at_tenant_app_and_app_model_scope_are_stored_exactly() {
        Tenants.signIn(admin);
        UUID appId = apps.create(new AppDraft("budgeted", ""));
        UUID modelId = Catalog.newModel(jdbc, false);

        budgets.create(monthly("TENANT", null, null, "1000"));
        budgets.create(monthly("APP", appId, null, "99.123456789"));
        budgets.create(monthly("APP_MODEL", appId, modelId, "10"));

        assertThat(budgets.list()).hasSize(3).anySatisfy(b -> {
            assertThat(b.draft().amountUsd()).isEqualByComparingTo("99.123456789");
            assertThat(b.draft().thresholds()).isEqualTo("50,80,100");
            assertThat(b.target()).isEqualTo("App budgeted");
        });
        assertThatThrownBy(() -> budgets.create(monthly("TENANT", null, null, "5")))
                .isInstanceOf(PortalException.class).hasMessageContaining("already exists");
    }

    @Test
    void another_tenant_can_neither_see_nor_edit_nor_delete_nor_target_its_apps() {
        Tenants.signIn(admin);
        UUID appId = apps.create(new AppDraft("guarded", ""));
        UUID budgetId = budgets.create(monthly("APP", appId, null, "50"));

        Tenants.signIn(otherAdmin);
        assertThat(budgets.list()).isEmpty();
        assertThatThrownBy(() -> budgets.update(budgetId, 0, monthly("TENANT", null, null, "1")))
                .isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> budgets.delete(budgetId)).isInstanceOf(PortalException.class);
        assertThatThrownBy(() -> budgets.create(monthly("APP", appId, null, "1")))
                .isInstanceOf(PortalException.class).hasMessageContaining("App not found");

        Tenants.signIn(admin);
        assertThat(budgets.list()).singleElement()
                .satisfies(b -> assertThat(b.draft().amountUsd()).isEqualByComparingTo("50"));
    }

    @Test
    void developers_may_read_budgets_but_not_change_them() {
        PortalUser developer = new Tenants(jdbc).newMember(admin.tenantId(), admin.tenantName(), "DEVELOPER");
        Tenants.signIn(developer);
        assertThat(budgets.list()).isEmpty();
        assertThatThrownBy(() -> budgets.create(monthly("TENANT", null, null, "1")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void inconsistent_drafts_are_refused_with_a_precise_message() {
        Tenants.signIn(admin);
        UUID appId = apps.create(new AppDraft("inconsistent", ""));
        assertThatThrownBy(() -> budgets.create(monthly("APP", null, null, "1")))
                .hasMessage("An app budget names an app and no model");
        assertThatThrownBy(() -> budgets.create(new BudgetDraft("APP", appId, null, "MONTH", BigDecimal.ONE,
                "50", "DOWNGRADE", null))).hasMessageContaining("downgrade");
        assertThatThrownBy(() -> budgets.create(new BudgetDraft("TENANT", null, null, "MONTH", BigDecimal.ONE,
                "0,2000", "BLOCK", null))).hasMessageContaining("between 1 and 1000");
        assertThatThrownBy(() -> budgets.create(monthly("TENANT", null, null, "0")))
                .hasMessageContaining("more than zero");
    }
}
