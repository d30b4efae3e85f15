package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A finance user reviews this month's chargebacks and an invoice's lines, and downloads the CSV. */
@PortalIntegrationTest
class FinanceScreensBrowserTest {

    private static final String PASSWORD = "finance-password-for-tests";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    String email;
    String tenantName;
    UUID invoice;

    @BeforeEach
    void aFinanceUserAndATenantWithUsageAndAnInvoice() {
        email = new Tenants(jdbc).newPlatformUser("FINANCE", "Fin Ance", PASSWORD).email();
        UUID tenant = UUID.randomUUID();
        tenantName = "Ledger Co " + tenant.toString().substring(0, 6);
        jdbc.sql("""
                        insert into tenants (id, slug, name, plan_id)
                        values (?, ?, ?, '00000000-0000-0000-0000-00000000f002')""")
                .params(tenant, "ledger-" + tenant.toString().substring(0, 8), tenantName).update();
        UUID app = UUID.randomUUID();
        jdbc.sql("insert into apps (id, tenant_id, name) values (?, ?, 'ledger-bot')").params(app, tenant).update();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into usage_daily (day, tenant_id, app_id, model, tags, requests, prompt_tokens,
                                                 completion_tokens, cost_usd)
                        values (?, ?, ?, 'gpt-4o-mini', 'team=ledger', 1200, 480000, 96000, 1234.5)""")
                .params(today.withDayOfMonth(1), tenant, app).update();
        invoice = UUID.randomUUID();
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        jdbc.sql("""
                        insert into invoices (id, tenant_id, period_start, period_end, metered_cost_usd, subtotal_usd,
                                              total_usd)
                        values (?, ?, ?, ?, 99.5, 99.5, 99.5)""")
                .params(invoice, tenant, lastMonth, lastMonth.plusMonths(1)).update();
        jdbc.sql("""
                        insert into invoice_lines (id, invoice_id, tenant_id, line_no, kind, description, app_id, model,
                                                   requests, metered_cost_usd, amount_usd)
                        values (?, ?, ?, 1, 'USAGE', 'ledger-bot · gpt-4o-mini', ?, 'gpt-4o-mini', 800, 99.5,
                                99.50)""")
                .params(UUID.randomUUID(), invoice, tenant, app).update();
    }

    @Test
    void finance_reviews_chargebacks_and_an_invoices_lines() {
        Steps finance = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = finance.page();
        finance.signIn(email, PASSWORD);
        finance.settle();
        assertThat(page).hasURL(Pattern.compile(".*/finance/chargebacks"));
        assertThat(page.locator("#chargebacks-grid")).containsText(tenantName);
        assertThat(page.locator("#chargebacks-grid")).containsText("$1234.50");
        assertThat(page.locator("#chargebacks-grid")).containsText("1,200"); // requests, then prompt tokens
        assertThat(page.locator("#chargebacks-grid")).containsText("480,000");
        Browser.screenshot(page, "finance-chargebacks");

        var download = page.waitForDownload(() -> page.locator("#chargebacks-export").click());
        assertThat(page.locator("#chargebacks-grid")).isVisible();
        Assertions.assertThat(read(download.path())).contains(tenantName + ",1200,");

        finance.go("/finance/invoices");
        assertThat(page.locator("#invoices-grid")).containsText(tenantName);
        // billing is not running here: its actions are not offered, and the page says why
        assertThat(page.locator("#billing-unavailable")).containsText("Billing is not reachable");
        assertThat(page.locator("#close-month")).hasCount(0);
        assertThat(page.locator("[id^=invoice-finalize-]")).hasCount(0);
        page.locator("#invoice-lines-" + invoice).click();
        assertThat(page.locator("#invoice-lines-grid")).containsText("ledger-bot · gpt-4o-mini");
        finance.settle();
        page.waitForTimeout(400); // the dialog's opening animation
        Browser.screenshot(page, "finance-invoice-lines");
        var pdf = page.waitForDownload(() -> page.locator("#finance-invoice-pdf").click());
        Assertions.assertThat(pdfText(pdf.path())).contains("Invoice (draft)", "Tenant: " + tenantName, "ledger-bot",
                "Total: 99.50 USD");

        finance.go("/admin/approvals");
        assertThat(page.locator("#approvals-grid")).hasCount(0);
    }

    @Test
    void the_finance_pages_fit_a_phone() {
        Steps finance = new Steps(Browser.phone("http://localhost:" + port));
        finance.signIn(email, PASSWORD);
        for (String path : new String[] {"/finance/chargebacks", "/finance/invoices"}) {
            finance.go(path);
            Assertions.assertThat(NarrowScreenBrowserTest.horizontalOverflow(finance.page())).as(path)
                    .isLessThanOrEqualTo(1);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String pdfText(Path path) {
        try {
            return new PdfTextExtractor(new PdfReader(Files.readAllBytes(path))).getTextFromPage(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
