package io.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.account.Tenant;
import io.tollgate.model.apikey.ApiKey;
import io.tollgate.model.apikey.ApiKeyAdminQueries;
import io.tollgate.model.apikey.ApiKeyGenerator;
import io.tollgate.model.apikey.ApiKeyRepository;
import io.tollgate.model.apikey.ApiKeyStatus;
import io.tollgate.model.app.App;
import io.tollgate.model.app.AppAdminQueries;
import io.tollgate.model.app.AppStatus;
import io.tollgate.model.budget.Budget;
import io.tollgate.model.budget.BudgetAdminQueries;
import io.tollgate.model.budget.BudgetPeriod;
import io.tollgate.model.budget.BudgetRepository;
import io.tollgate.model.common.Money;
import io.tollgate.model.invoice.Invoice;
import io.tollgate.model.invoice.InvoiceAdminQueries;
import io.tollgate.model.invoice.InvoiceRepository;
import io.tollgate.model.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform-wide reads (administrators, the gateway's snapshot, billing jobs) see every tenant's rows. */
class AdminQueriesIntegrationTest extends PersistenceTestBase {

    private static final LocalDate MONTH = LocalDate.of(2031, 3, 1);

    @Autowired ApiKeyRepository keys;
    @Autowired ApiKeyGenerator generator;
    @Autowired BudgetRepository budgets;
    @Autowired InvoiceRepository invoices;
    @Autowired AppAdminQueries appAdmin;
    @Autowired ApiKeyAdminQueries keyAdmin;
    @Autowired BudgetAdminQueries budgetAdmin;
    @Autowired InvoiceAdminQueries invoiceAdmin;

    @Test
    void admin_queries_return_the_rows_of_every_tenant() {
        Tenant first = tenant();
        Tenant second = tenant();
        List<App> bothApps = List.of(app(first), app(second));
        List<UUID> keyIds = bothApps.stream()
                .map(app -> keys.save(ApiKey.issue(app.getTenantId(), app.getId(), "k", generator.generate(), null, NOW)).getId())
                .toList();
        List<UUID> budgetIds = List.of(first, second).stream()
                .map(t -> budgets.save(Budget.forTenant(t.getId(), BudgetPeriod.DAY, Money.usd("1"), NOW)).getId())
                .toList();
        List<UUID> invoiceIds = List.of(first, second).stream()
                .map(t -> invoices.save(Invoice.draft(t.getId(), MONTH, MONTH.plusMonths(1), BigDecimal.ZERO, NOW)).getId())
                .toList();
        flushAndClear();

        assertThat(appAdmin.findAllByStatus(AppStatus.ACTIVE)).extracting(App::getId)
                .containsAll(bothApps.stream().map(App::getId).toList());
        assertThat(appAdmin.findById(bothApps.get(1).getId())).isPresent();
        assertThat(keyAdmin.findAllByStatus(ApiKeyStatus.ACTIVE)).extracting(ApiKey::getId).containsAll(keyIds);
        assertThat(budgetAdmin.findAllByEnabledTrue()).extracting(Budget::getId).containsAll(budgetIds);
        assertThat(invoiceAdmin.findAllByPeriodStartOrderByTenantId(MONTH)).extracting(Invoice::getId)
                .containsAll(invoiceIds);
        assertThat(invoiceAdmin.findAllByStatusOrderByPeriodStart(InvoiceStatus.DRAFT)).extracting(Invoice::getId)
                .containsAll(invoiceIds);
        assertThat(tenants.findAllByOrderByName()).extracting(Tenant::getId).contains(first.getId(), second.getId());
    }
}
