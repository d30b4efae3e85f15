package io.tollgate.portal.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PortalIntegrationTest
class FinanceIntegrationTest {

    static final LocalDate MONTH = LocalDate.of(2025, 3, 1);

    @Autowired
    ChargebackService chargebacks;
    @Autowired
    InvoiceService invoices;
    @Autowired
    JdbcClient jdbc;

    PortalUser acme;
    PortalUser globex;
    String model;
    UUID acmeApp;

    @BeforeEach
    void twoTenantsWithUsage() {
        Tenants tenants = new Tenants(jdbc);
        acme = tenants.newTenantMember("ADMIN");
        globex = tenants.newTenantMember("BILLING");
        jdbc.sql("update tenants set markup_percent = 10 where id = ?").param(acme.tenantId()).update();
        jdbc.sql("update tenants set markup_percent = 0 where id = ?").param(globex.tenantId()).update();
        model = "fin-" + UUID.randomUUID().toString().substring(0, 8);
        acmeApp = app(acme.tenantId(), "acme-search");
        usage(MONTH.plusDays(2), acme.tenantId(), acmeApp, "team=search", 10, "1.000000000000001");
        usage(MONTH.plusDays(3), acme.tenantId(), acmeApp, "", 5, "0.5");
        usage(MONTH.plusDays(3), globex.tenantId(), app(globex.tenantId(), "globex-bot"), "team=search", 2, "2");
        // outside the period: must not count
        usage(MONTH.plusMonths(1), acme.tenantId(), acmeApp, "", 100, "100");
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void chargebacks_by_tenant_are_exact_and_carry_each_tenants_markup() {
        Tenants.signIn(new Tenants(jdbc).newPlatformUser("FINANCE"));

        List<ChargebackRow> rows = report(ChargebackQuery.Dimension.TENANT);

        assertThat(row(rows, acme.tenantName())).satisfies(acmeRow -> {
            assertThat(acmeRow.requests()).isEqualTo(15);
            assertThat(acmeRow.meteredUsd()).isEqualByComparingTo("1.500000000000001");
            assertThat(acmeRow.chargedUsd()).isEqualByComparingTo("1.6500000000000011");
        });
        assertThat(row(rows, globex.tenantName()).chargedUsd()).isEqualByComparingTo("2");
    }

    @Test
    void chargebacks_break_down_by_app_model_and_tag_set() {
        Tenants.signIn(new Tenants(jdbc).newPlatformUser("ADMIN"));

        assertThat(row(report(ChargebackQuery.Dimension.APP), acme.tenantName() + " / acme-search").requests())
                .isEqualTo(15);
        assertThat(row(report(ChargebackQuery.Dimension.MODEL), model).meteredUsd())
                .isEqualByComparingTo("3.500000000000001");
        List<ChargebackRow> byTag = report(ChargebackQuery.Dimension.TAG);
        assertThat(byTag).extracting(ChargebackRow::name).contains("team=search", "(untagged)");
    }

    @Test
    void the_chargeback_csv_keeps_every_digit() {
        Tenants.signIn(new Tenants(jdbc).newPlatformUser("FINANCE"));
        StringWriter csv = new StringWriter();

        chargebacks.exportCsv(new ChargebackQuery(MONTH, MONTH.plusDays(27), ChargebackQuery.Dimension.TENANT), csv);

        assertThat(csv.toString()).startsWith("tenant,requests,prompt_tokens,completion_tokens,metered_usd,charged_usd")
                .contains(acme.tenantName() + ",15,150,75,1.500000000000001,1.6500000000000011,");
    }

    @Test
    void a_period_that_ends_before_it_starts_is_refused() {
        Tenants.signIn(new Tenants(jdbc).newPlatformUser("FINANCE"));

        assertThatThrownBy(() -> chargebacks.report(new ChargebackQuery(MONTH, MONTH.minusDays(1),
                ChargebackQuery.Dimension.TENANT))).isInstanceOf(PortalException.class)
                .hasMessage("The period ends before it starts");
    }

    @Test
    void invoices_are_listed_with_their_lines_and_exported() {
        UUID invoice = invoice(acme.tenantId(), "TG-2025-" + UUID.randomUUID().toString().substring(0, 6));
        Tenants.signIn(new Tenants(jdbc).newPlatformUser("FINANCE"));

        assertThat(invoices.list(MONTH, MONTH, "FINALIZED")).extracting(InvoiceSummary::id).contains(invoice);
        assertThat(invoices.list(MONTH, MONTH, "PAID")).extracting(InvoiceSummary::id).doesNotContain(invoice);
        assertThat(invoices.lines(invoice))
                .extracting(InvoiceLineSummary::description, InvoiceLineSummary::amountUsd)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("acme-search · " + model, new BigDecimal("1.50")),
                        org.assertj.core.groups.Tuple.tuple("Markup 10%", new BigDecimal("0.15")));
        StringWriter csv = new StringWriter();
        invoices.exportCsv(invoices.list(MONTH, MONTH, "FINALIZED").stream()
                .filter(summary -> summary.id().equals(invoice)).toList(), csv);
        assertThat(csv.toString().lines()).hasSize(3);
        assertThat(csv.toString()).contains("1.500000000000001,1.50,1.65");
    }

    @Test
    void tenant_members_get_no_finance_data_whatever_their_role() {
        invoice(acme.tenantId(), "TG-2025-" + UUID.randomUUID().toString().substring(0, 6));
        for (PortalUser member : List.of(acme, globex)) {
            Tenants.signIn(member);
            assertThatThrownBy(() -> report(ChargebackQuery.Dimension.TENANT))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> invoices.list(MONTH, MONTH, null)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> invoices.lines(UUID.randomUUID())).isInstanceOf(AccessDeniedException.class);
        }
    }

    private List<ChargebackRow> report(ChargebackQuery.Dimension by) {
        return chargebacks.report(new ChargebackQuery(MONTH, MONTH.plusDays(27), by));
    }

    private static ChargebackRow row(List<ChargebackRow> rows, String name) {
        return rows.stream().filter(row -> row.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + rows));
    }

    private UUID app(UUID tenantId, String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into apps (id, tenant_id, name) values (?, ?, ?)").params(id, tenantId, name).update();
        return id;
    }

    private void usage(LocalDate day, UUID tenantId, UUID appId, String tags, int requests, String cost) {
        jdbc.sql("""
                        insert into usage_daily (day, tenant_id, app_id, model, tags, requests, prompt_tokens,
                                                 completion_tokens, cost_usd)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?::numeric)""")
                .params(day, tenantId, appId, model, tags, requests, requests * 10, requests * 5, cost).update();
    }

    private UUID invoice(UUID tenantId, String number) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into invoices (id, tenant_id, period_start, period_end, metered_cost_usd, markup_percent,
                                              subtotal_usd, total_usd)
                        values (?, ?, ?, ?, 1.500000000000001, 10, 1.65, 1.65)""")
                .params(id, tenantId, MONTH, MONTH.plusMonths(1)).update();
        jdbc.sql("""
                        insert into invoice_lines (id, invoice_id, tenant_id, line_no, kind, description, app_id, model,
                                                   requests, metered_cost_usd, amount_usd)
                        values (?, ?, ?, 1, 'USAGE', ?, ?, ?, 15, 1.500000000000001, 1.50),
                               (?, ?, ?, 2, 'MARKUP', 'Markup 10%', null, null, 0, 0, 0.15)""")
                .params(UUID.randomUUID(), id, tenantId, "acme-search · " + model, acmeApp, model,
                        UUID.randomUUID(), id, tenantId).update();
        jdbc.sql("update invoices set status = 'FINALIZED', number = ?, finalized_at = now() where id = ?")
                .params(number, id).update();
        return id;
    }
}
