package io.tollgate.portal.invoices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.finance.InvoiceLineSummary;
import io.tollgate.portal.finance.InvoiceSummary;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.Invoices;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

@PortalIntegrationTest
class TenantInvoiceAuthorizationIntegrationTest {

    static final LocalDate MARCH = LocalDate.of(2025, 3, 1);

    @Autowired
    TenantInvoiceService invoices;
    @Autowired
    JdbcClient jdbc;

    PortalUser acmeBilling;
    PortalUser globexBilling;
    Invoices.Issued acmeMarch;
    Invoices.Issued globexMarch;
    UUID acmeDraft;

    @BeforeEach
    void twoTenantsWithInvoices() {
        Tenants tenants = new Tenants(jdbc);
        acmeBilling = tenants.newTenantMember("BILLING");
        globexBilling = tenants.newTenantMember("BILLING");
        Invoices write = new Invoices(jdbc);
        acmeMarch = write.finalized(acmeBilling.tenantId(), MARCH, "acme-search · gpt-4o-mini", "99.50");
        acmeDraft = write.draft(acmeBilling.tenantId(), MARCH.plusMonths(1), "acme-search · gpt-4o-mini", "5");
        globexMarch = write.finalized(globexBilling.tenantId(), MARCH, "globex-bot · gpt-4o-mini", "12");
    }

    @AfterEach
    void signOut() {
        Tenants.signOut();
    }

    @Test
    void a_billing_member_lists_the_issued_invoices_of_its_own_tenant_only() {
        Tenants.signIn(acmeBilling);

        assertThat(invoices.list()).singleElement().satisfies(invoice -> {
            assertThat(invoice.id()).isEqualTo(acmeMarch.id());
            assertThat(invoice.number()).isEqualTo(acmeMarch.number());
            assertThat(invoice.periodStart()).isEqualTo(MARCH);
            assertThat(invoice.status()).isEqualTo("FINALIZED");
            assertThat(invoice.totalUsd()).isEqualByComparingTo("109.45");
        });
    }

    @Test
    void an_invoice_opens_with_its_lines_and_exports_them_as_csv() {
        Tenants.signIn(acmeBilling);

        assertThat(invoices.lines(acmeMarch.id()))
                .extracting(InvoiceLineSummary::description, InvoiceLineSummary::amountUsd)
                .containsExactly(tuple("acme-search · gpt-4o-mini", new BigDecimal("99.50")),
                        tuple("Markup 10%", new BigDecimal("9.95")));
        StringWriter csv = new StringWriter();
        invoices.exportCsv(acmeMarch.id(), csv);
        assertThat(csv.toString().lines()).hasSize(3).first().asString().startsWith("invoice,tenant,period_start");
        assertThat(csv.toString()).contains(acmeMarch.number() + "," + acmeBilling.tenantName() + ",2025-03-01,")
                .contains(",99.50,109.45");
    }

    @Test
    void an_invoice_downloads_as_the_pdf_billing_prints() throws IOException {
        Tenants.signIn(acmeBilling);

        String text = new PdfTextExtractor(new PdfReader(invoices.pdf(acmeMarch.id()))).getTextFromPage(1);
        assertThat(text).contains("Invoice " + acmeMarch.number(), "Tenant: " + acmeBilling.tenantName(),
                "Period: 2025-03-01 to 2025-03-31", "Status: FINALIZED", "acme-search", "99.50", "Markup 10%",
                "Total: 109.45 USD");
    }

    @Test
    void a_billing_member_cannot_read_another_tenants_invoice_by_id() {
        Tenants.signIn(acmeBilling);

        assertThatThrownBy(() -> invoices.get(globexMarch.id())).isInstanceOf(PortalException.class)
                .hasMessage("Invoice not found");
        assertThatThrownBy(() -> invoices.lines(globexMarch.id())).isInstanceOf(PortalException.class)
                .hasMessage("Invoice not found");
        assertThatThrownBy(() -> invoices.exportCsv(globexMarch.id(), new StringWriter()))
                .isInstanceOf(PortalException.class).hasMessage("Invoice not found");
        assertThatThrownBy(() -> invoices.pdf(globexMarch.id()))
                .isInstanceOf(PortalException.class).hasMessage("Invoice not found");

        Tenants.signIn(globexBilling);
        assertThat(invoices.get(globexMarch.id()).number()).isEqualTo(globexMarch.number());
    }

    @Test
    void drafts_stay_with_finance_until_billing_issues_them() {
        Tenants.signIn(acmeBilling);

        assertThat(invoices.list()).extracting(InvoiceSummary::id).doesNotContain(acmeDraft);
        assertThatThrownBy(() -> invoices.lines(acmeDraft)).isInstanceOf(PortalException.class)
                .hasMessage("Invoice not found");
        assertThatThrownBy(() -> invoices.pdf(acmeDraft)).isInstanceOf(PortalException.class)
                .hasMessage("Invoice not found");
    }

    @Test
    void the_tenant_admin_sees_them_too() {
        Tenants.signIn(new Tenants(jdbc).newMember(acmeBilling.tenantId(), acmeBilling.tenantName(), "ADMIN"));

        assertThat(invoices.list()).extracting(InvoiceSummary::id).containsExactly(acmeMarch.id());
    }

    @Test
    void developers_and_platform_staff_without_a_tenant_get_nothing() {
        PortalUser developer = new Tenants(jdbc).newMember(acmeBilling.tenantId(), acmeBilling.tenantName(),
                "DEVELOPER");
        for (PortalUser user : List.of(developer, new Tenants(jdbc).newPlatformUser("FINANCE"))) {
            Tenants.signIn(user);
            assertThatThrownBy(() -> invoices.list()).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> invoices.get(acmeMarch.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> invoices.lines(acmeMarch.id())).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> invoices.exportCsv(acmeMarch.id(), new StringWriter()))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> invoices.pdf(acmeMarch.id()))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
