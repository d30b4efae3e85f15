package io.tollgate.model.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.PersistenceTestBase;
import io.tollgate.model.account.Tenant;
import io.tollgate.model.app.App;
import io.tollgate.model.catalog.LlmModel;
import io.tollgate.model.common.Money;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class BudgetPersistenceIntegrationTest extends PersistenceTestBase {

    @Autowired
    BudgetRepository budgets;
    @Autowired
    BudgetSpendRepository spend;
    @Autowired
    BudgetAlertRepository alerts;
    @Autowired
    BudgetAlertAdminQueries alertAdminQueries;

    @Test
    void a_budget_round_trips_with_its_thresholds_and_exact_amount() {
        Tenant tenant = tenant();
        App app = app(tenant);
        LlmModel model = model();
        LlmModel cheaper = model();
        Budget budget = Budget.forAppModel(tenant.getId(), app.getId(), model.getId(), BudgetPeriod.WEEK,
                Money.usd("1234.567890123"), NOW);
        budget.changeThresholds(List.of(90, 25, 150), NOW);
        budget.downgradeTo(cheaper.getId(), NOW);
        budgets.save(budget);
        flushAndClear();

        Budget loaded = budgets.findByTenantIdAndId(tenant.getId(), budget.getId()).orElseThrow();

        assertSameState(loaded, budget);
        assertThat(loaded.getThresholds()).containsExactly(25, 90, 150);
        assertThat(loaded.getAmount()).isEqualTo(Money.usd("1234.567890123"));
        assertThat(loaded.getAction()).isEqualTo(BudgetAction.DOWNGRADE);
        assertThat(loaded.getDowngradeModelId()).contains(cheaper.getId());
    }

    @Test
    void a_tenant_budget_keeps_the_default_thresholds_and_blocks() {
        Tenant tenant = tenant();
        Budget budget = budgets.save(Budget.forTenant(tenant.getId(), BudgetPeriod.MONTH, Money.usd("50"), NOW));
        flushAndClear();

        Budget loaded = budgets.findAllByTenantId(tenant.getId()).getFirst();
        assertSameState(loaded, budget);
        assertThat(loaded.getThresholds()).containsExactly(50, 80, 100);
        assertThat(loaded.getAction()).isEqualTo(BudgetAction.BLOCK);
        assertThat(loaded.getAppId()).isEmpty();
    }

    @Test
    void spend_accumulates_exactly() {
        Tenant tenant = tenant();
        Budget budget = budgets.save(Budget.forTenant(tenant.getId(), BudgetPeriod.MONTH, Money.usd("50"), NOW));
        LocalDate period = LocalDate.of(2026, 11, 1);
        BudgetSpend spent = new BudgetSpend(budget.getId(), period, NOW);
        spent.add(Money.usd("0.000000000000001"), NOW);
        spent.add(Money.usd("0.1"), NOW);
        spend.save(spent);
        flushAndClear();

        BudgetSpend loaded = spend.findByTenantIdAndBudgetIdAndPeriodStart(tenant.getId(), budget.getId(), period).orElseThrow();

        assertSameState(loaded, spent);
        assertThat(loaded.getSpent()).isEqualTo(Money.usd("0.100000000000001"));
    }

    @Test
    void an_alert_round_trips_and_is_due_until_delivered() {
        Tenant tenant = tenant();
        Budget budget = budgets.save(Budget.forTenant(tenant.getId(), BudgetPeriod.MONTH, Money.usd("50"), NOW));
        BudgetAlert alert = alerts.save(new BudgetAlert(budget.getId(), tenant.getId(), LocalDate.of(2026, 11, 1), 80,
                Money.usd("40.000000000000001"), Money.usd("50"), NOW));
        flushAndClear();

        BudgetAlert loaded = alerts.findByTenantIdAndId(tenant.getId(), alert.getId()).orElseThrow();
        assertSameState(loaded, alert);
        assertThat(alertAdminQueries.findAllDue(NOW)).extracting(BudgetAlert::getId).contains(alert.getId());

        loaded.webhookDelivery(DeliveryStatus.FAILED);
        loaded.recordAttempt("HTTP 503", NOW.plusSeconds(300));
        flushAndClear();
        assertThat(alertAdminQueries.findAllDue(NOW.plusSeconds(299))).extracting(BudgetAlert::getId).doesNotContain(alert.getId());
        assertThat(alertAdminQueries.findAllDue(NOW.plusSeconds(300))).extracting(BudgetAlert::getId).contains(alert.getId());

        BudgetAlert retried = alerts.findByTenantIdAndId(tenant.getId(), alert.getId()).orElseThrow();
        assertThat(retried.getAttempts()).isEqualTo(1);
        assertThat(retried.getLastError()).contains("HTTP 503");
        retried.emailDelivery(DeliveryStatus.SENT);
        flushAndClear();
        assertThat(alertAdminQueries.findAllDue(NOW.plusSeconds(600))).extracting(BudgetAlert::getId).doesNotContain(alert.getId());
    }
}
