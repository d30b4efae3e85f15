package io.tollgate.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tollgate.portal.support.Invoices;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.testsupport.TestPasswords;
import java.io.IOException;
import java.nio.file.Files;
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

/**
 * A tenant's billing member finds the tenant's invoices, opens one and downloads its lines and its PDF; a developer
 * cannot.
 */
@PortalIntegrationTest
class TenantInvoicesBrowserTest {

    private static final String PASSWORD = "billing-password-for-tests";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    UUID tenant;
    LocalDate lastMonth;
    Invoices.Issued latest;

    @BeforeEach
    void aTenantWithTwoInvoices() {
        tenant = UUID.randomUUID();
        jdbc.sql("""
                        insert into tenants (id, slug, name, plan_id)
                        values (?, ?, 'Ledger Labs', '00000000-0000-0000-0000-00000000f002')""")
                .params(tenant, "ledger-labs-" + tenant.toString().substring(0, 8)).update();
        lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        Invoices invoices = new Invoices(jdbc);
        latest = invoices.finalized(tenant, lastMonth, "support-bot · gpt-4o-mini", "1234.50");
        Invoices.Issued paid = invoices.finalized(tenant, lastMonth.minusMonths(1), "support-bot · gpt-4o", "980");
        jdbc.sql("update invoices set status = 'PAID', paid_at = now() where id = ?").param(paid.id()).update();
    }

    @Test
    void a_billing_member_opens_an_invoice_and_downloads_its_lines_and_pdf() throws IOException {
        Steps billing = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = billing.page();
        billing.signIn(member("BILLING"), PASSWORD);

        navigation(page, "Invoices").click();
        billing.settle();
        assertThat(page).hasURL(Pattern.compile(".*/invoices"));
        Locator grid = page.locator("#tenant-invoices-grid");
        assertThat(grid).containsText(latest.number());
        assertThat(grid).containsText(lastMonth + " – " + lastMonth.plusMonths(1).minusDays(1));
        assertThat(grid).containsText("FINALIZED");
        assertThat(grid).containsText("$1357.95");
        assertThat(grid).containsText("PAID");
        Browser.screenshot(page, "invoices");

        page.locator(".invoice-lines").first().click();
        assertThat(page.locator("#invoice-lines-grid")).containsText("support-bot · gpt-4o-mini");
        assertThat(page.locator("#invoice-lines-grid")).containsText("$1234.50");
        var download = page.waitForDownload(() -> page.locator("#invoice-csv").click());
        Assertions.assertThat(Files.readString(download.path()))
                .startsWith("invoice,tenant,period_start")
                .contains(latest.number() + ",Ledger Labs," + lastMonth + ",")
                .contains(",1234.50,1357.95");

        var pdf = page.waitForDownload(() -> page.locator("#invoice-pdf").click());
        Assertions.assertThat(pdf.suggestedFilename()).isEqualTo("invoice-" + latest.number() + ".pdf");
        Assertions.assertThat(new PdfTextExtractor(new PdfReader(Files.readAllBytes(pdf.path()))).getTextFromPage(1))
                .contains("Invoice " + latest.number(), "Tenant: Ledger Labs", "Total: 1357.95 USD");
    }

    @Test
    void a_developer_finds_no_invoices() {
        Steps developer = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = developer.page();
        developer.signIn(member("DEVELOPER"), PASSWORD);

        assertThat(navigation(page, "Usage")).isVisible();
        assertThat(navigation(page, "Invoices")).hasCount(0);
        developer.go("/invoices");
        assertThat(page.locator("#tenant-invoices-grid")).hasCount(0);
        assertThat(page.getByText(latest.number())).hasCount(0);
    }

    private static Locator navigation(Page page, String item) {
        return page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(item).setExact(true));
    }

    /** A member of the tenant with the role, who signs in with {@link #PASSWORD}; their e-mail. */
    private String member(String role) {
        UUID user = UUID.randomUUID();
        String email = role.toLowerCase() + "-" + user + "@ledger.test";
        jdbc.sql("insert into users (id, email, display_name, password_hash) values (?, ?, 'Lee Ledger', ?)")
                .params(user, email, TestPasswords.hash(PASSWORD)).update();
        jdbc.sql("insert into memberships (id, tenant_id, user_id, role) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), tenant, user, role).update();
        return email;
    }
}
