package io.tollgate.model.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.model.ModelTestApplication;
import io.tollgate.model.TenantTransactions;
import io.tollgate.model.app.App;
import io.tollgate.model.app.AppRepository;
import io.tollgate.testsupport.PostgresIntegrationTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

@PostgresIntegrationTest(classes = ModelTestApplication.class)
class BudgetPersistenceIntegrationTest {

    /** Microsecond precision, as PostgreSQL stores it. */
    private static final Instant NOW = Instant.parse("2026-12-04T17:00:00.123456Z");

    @Autowired
    TenantTransactions tenants;
    @Autowired
    BudgetRepository budgets;
    @Autowired
    AppRepository apps;
    @Autowired
    JdbcClient jdbc;

    private static BudgetTerms tenantBudget(String amount) {
        return new BudgetTerms(BudgetScope.TENANT, null, null, BudgetPeriod.MONTH, new BigDecimal(amount),
                List.of(50, 80, 100), BudgetAction.BLOCK, null);
    }

    @Test
    void a_budget_round_trips_with_its_thresholds_amount_and_targets() {
        UUID tenant = tenants.newTenant();
        UUID model = tenants.newModel();
        UUID cheaper = tenants.newModel();
        UUID app = tenants.actingFor(tenant, () -> apps.save(new App("budgeted", "", NOW)).getId());
        BudgetTerms terms = new BudgetTerms(BudgetScope.APP_MODEL, app, model, BudgetPeriod.WEEK,
                new BigDecimal("99.123456789"), List.of(100, 25), BudgetAction.DOWNGRADE, cheaper);
        Budget saved = tenants.actingFor(tenant, () -> budgets.saveAndFlush(new Budget(terms, NOW)));

        Budget loaded = tenants.actingFor(tenant, () -> budgets.findById(saved.getId()).orElseThrow());

        assertThat(loaded.getTerms()).usingRecursiveComparison().withComparatorForType(BigDecimal::compareTo,
                BigDecimal.class).isEqualTo(terms);
        assertThat(loaded.getTerms().thresholds()).containsExactly(25, 100);
        assertThat(loaded.getTenantId()).isEqualTo(tenant);
        assertThat(loaded).extracting("createdAt").isEqualTo(NOW);
        assertThat(jdbc.sql("select enabled from budgets where id = ?").param(saved.getId()).query(Boolean.class)
                .single()).as("created enabled, as the gateway expects").isTrue();
    }

    @Test
    void an_amount_with_more_decimals_than_its_column_keeps_is_refused_rather_than_rounded() {
        UUID tenant = tenants.newTenant();

        assertThatThrownBy(() -> tenants.actingFor(tenant, () ->
                budgets.saveAndFlush(new Budget(tenantBudget("10.0000000004"), NOW))))
                .isInstanceOf(BudgetRuleViolation.class).hasMessage("The amount has at most 9 decimals");
        assertThat(jdbc.sql("select count(*) from budgets where tenant_id = ?").param(tenant).query(Long.class)
                .single()).isZero();
    }

    @Test
    void the_budget_on_a_target_is_found_whether_or_not_it_names_an_app_and_model() {
        UUID tenant = tenants.newTenant();
        UUID app = tenants.actingFor(tenant, () -> apps.save(new App("budgeted", "", NOW)).getId());
        Budget whole = tenants.actingFor(tenant, () -> budgets.save(new Budget(tenantBudget("100"), NOW)));
        Budget ofApp = tenants.actingFor(tenant, () -> budgets.save(new Budget(new BudgetTerms(BudgetScope.APP, app,
                null, BudgetPeriod.MONTH, BigDecimal.TEN, List.of(100), BudgetAction.ALERT_ONLY, null), NOW)));

        tenants.actingFor(tenant, () -> {
            assertThat(budgets.findForTarget(null, null, BudgetPeriod.MONTH).map(Budget::getId))
                    .hasValue(whole.getId());
            assertThat(budgets.findForTarget(app, null, BudgetPeriod.MONTH).map(Budget::getId))
                    .hasValue(ofApp.getId());
            assertThat(budgets.findForTarget(null, null, BudgetPeriod.DAY)).isEmpty();
            assertThat(budgets.findForTarget(app, UUID.randomUUID(), BudgetPeriod.MONTH)).isEmpty();
            return null;
        });
    }

    @Test
    void a_stale_change_is_refused_and_a_deleted_budget_is_gone() {
        UUID tenant = tenants.newTenant();
        Budget saved = tenants.actingFor(tenant, () -> budgets.save(new Budget(tenantBudget("100"), NOW)));
        Budget firstEditor = tenants.actingFor(tenant, () -> budgets.findById(saved.getId()).orElseThrow());
        Budget secondEditor = tenants.actingFor(tenant, () -> budgets.findById(saved.getId()).orElseThrow());

        firstEditor.change(tenantBudget("200"), NOW);
        tenants.actingFor(tenant, () -> budgets.save(firstEditor));
        secondEditor.change(tenantBudget("300"), NOW);

        assertThatThrownBy(() -> tenants.actingFor(tenant, () -> budgets.save(secondEditor)))
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);
        Budget stored = tenants.actingFor(tenant, () -> budgets.findById(saved.getId()).orElseThrow());
        assertThat(stored.getTerms().amountUsd()).isEqualByComparingTo("200");
        assertThat(stored.getVersion()).isEqualTo(1);

        tenants.actingFor(tenant, () -> {
            budgets.delete(budgets.findById(saved.getId()).orElseThrow());
            return null;
        });
        assertThat(tenants.actingFor(tenant, () -> budgets.findById(saved.getId()))).isEmpty();
    }
}
