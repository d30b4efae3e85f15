package io.tollgate.portal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.tollgate.portal.browser.Browser;
import io.tollgate.portal.browser.Steps;
import io.tollgate.portal.finance.BillingApiProperties;
import io.tollgate.portal.support.Invoices;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finance closes last month, finalizes the draft and voids an invoice in the browser, through the real billing
 * service (the packaged jar, a process of its own on the portal's TOLLGATE_BILLING_URL) and a real PostgreSQL; the
 * tenant's billing member then sees the invoice. Billing runs without Stripe here, so no push is offered.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceMonthCloseBrowserTest {

    private static final String PASSWORD = "month-close-password-for-tests";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingApiProperties billingApi;
    RunningBilling billing;
    String finance;
    UUID tenant;
    String tenantName;
    LocalDate lastMonth;

    @BeforeAll
    void startBilling() {
        billing = RunningBilling.start(billingApi.url(), Map.of());
    }

    @AfterAll
    void stopBilling() {
        if (billing != null) {
            billing.close();
        }
    }

    @BeforeEach
    void aFinanceUserAndATenantWithUsageLastMonth() {
        finance = new Tenants(jdbc).newPlatformUser("FINANCE", "Fin Close", PASSWORD).email();
        tenant = UUID.randomUUID();
        tenantName = "Closing Co " + tenant.toString().substring(0, 6);
        jdbc.sql("""
                        insert into tenants (id, slug, name, plan_id)
                        values (?, ?, ?, '00000000-0000-0000-0000-00000000f002')""")
                .params(tenant, "closing-" + tenant.toString().substring(0, 8), tenantName).update();
        UUID app = UUID.randomUUID();
        jdbc.sql("insert into apps (id, tenant_id, name) values (?, ?, 'close-bot')").params(app, tenant).update();
        lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        jdbc.sql("""
                        insert into usage_daily (day, tenant_id, app_id, model, tags, requests, prompt_tokens,
                                                 completion_tokens, cost_usd)
                        values (?, ?, ?, 'gpt-4o-mini', '', 40, 16000, 3200, 12.5)""")
                .params(lastMonth.plusDays(3), tenant, app).update();
        billing.awaitReady();
    }

    @Test
    void finance_closes_and_finalizes_a_month_in_the_browser_and_the_tenant_sees_the_invoice() {
        Steps steps = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = steps.page();
        steps.signIn(finance, PASSWORD);
        steps.go("/finance/invoices");

        page.locator("#close-month").click();
        assertThat(page.locator("#close-month-consequences")).containsText("one invoice for " + yearMonth());
        assertThat(page.locator("#close-month-consequences")).containsText("stay drafts");
        Browser.screenshot(page, "finance-close-month");
        page.locator("#close-month-confirm").click();
        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText(yearMonth() + " closed"))).isVisible();
        UUID draft = jdbc.sql("select id from invoices where tenant_id = ? and period_start = ? and status = 'DRAFT'")
                .params(tenant, lastMonth).query(UUID.class).single();
        assertThat(page.locator("#invoices-grid")).containsText(tenantName);

        page.locator("#invoice-finalize-" + draft).click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByText("Finalize").last().click();
        steps.settle();
        String number = jdbc.sql("select number from invoices where id = ? and status = 'FINALIZED'").param(draft)
                .query(String.class).single();
        assertThat(page.locator("#invoices-grid")).containsText(number);
        Assertions.assertThat(page.locator("[id^=invoice-stripe-]").count()).as("Stripe is off").isZero();
        Assertions.assertThat(auditActions()).contains("month.close", "invoice.finalize");

        steps.signOut();
        steps.signIn(tenantMember("BILLING"), PASSWORD);
        steps.go("/invoices");
        assertThat(page.locator("#tenant-invoices-grid")).containsText(number);
        assertThat(page.locator("#tenant-invoices-grid")).containsText("$12.50");
    }

    @Test
    void finance_voids_a_finalized_invoice_with_a_reason_kept_on_the_invoice_and_in_the_audit_log() {
        Invoices.Issued issued = new Invoices(jdbc).finalized(tenant, lastMonth.minusMonths(1), "close-bot", "30");
        Steps steps = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = steps.page();
        steps.signIn(finance, PASSWORD);
        steps.go("/finance/invoices");

        page.locator("#invoice-void-" + issued.id()).click();
        page.locator("#invoice-void-confirm").click();
        steps.settle();
        Assertions.assertThat(status(issued.id())).as("no reason, no void").isEqualTo("FINALIZED");
        steps.fill("#invoice-void-reason", "Billed twice: credited by hand");
        page.locator("#invoice-void-confirm").click();
        steps.settle();

        Assertions.assertThat(status(issued.id())).isEqualTo("VOID");
        assertThat(page.locator("#invoice-void-" + issued.id())).hasCount(0);
        Assertions.assertThat(jdbc.sql("""
                        select details ->> 'reason' from audit_log
                        where actor_email = ? and action = 'invoice.void' and target_id = ? and tenant_id = ?""")
                .params(finance, issued.id().toString(), tenant).query(String.class).single())
                .isEqualTo("Billed twice: credited by hand");
        Assertions.assertThat(jdbc.sql("select void_reason from invoices where id = ?").param(issued.id())
                .query(String.class).single()).as("billing kept it").isEqualTo("Billed twice: credited by hand");
        openLines(page, issued.id());
        assertThat(page.locator("#invoice-voided-reason")).hasText("Voided: Billed twice: credited by hand");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Close").setExact(true)).click();

        steps.signOut();
        steps.signIn(tenantMember("BILLING"), PASSWORD);
        steps.go("/invoices");
        openLines(page, issued.id());
        assertThat(page.locator("#invoice-voided-reason")).hasText("Voided: Billed twice: credited by hand");
    }

    @Test
    void billings_refusal_is_a_notification_and_an_audit_entry() {
        UUID draft = new Invoices(jdbc).draft(tenant, lastMonth.minusMonths(2), "close-bot", "8");
        Steps steps = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = steps.page();
        steps.signIn(finance, PASSWORD);
        steps.go("/finance/invoices");
        // someone else finalizes it meanwhile
        jdbc.sql("update invoices set status = 'FINALIZED', number = ?, finalized_at = now() where id = ?")
                .params("TG-OTHER-" + draft.toString().substring(0, 8), draft).update();

        page.locator("#invoice-finalize-" + draft).click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByText("Finalize").last().click();

        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("is FINALIZED; this needs it to be DRAFT"))).isVisible();
        Assertions.assertThat(page.content()).doesNotContain("Exception");
        Assertions.assertThat(auditActions()).contains("invoice.finalize.refused");
    }

    private String yearMonth() {
        return lastMonth.toString().substring(0, 7);
    }

    private String status(UUID invoice) {
        return jdbc.sql("select status from invoices where id = ?").param(invoice).query(String.class).single();
    }

    private List<String> auditActions() {
        return jdbc.sql("select action from audit_log where actor_email = ? order by occurred_at").param(finance)
                .query(String.class).list();
    }

    private String tenantMember(String role) {
        return new Tenants(jdbc).newMember(tenant, tenantName, role, "Mem Ber", PASSWORD).email();
    }

    /** The grid scrolls sideways to its last column: the button is brought into view before the click. */
    private static void openLines(Page page, UUID invoiceId) {
        var lines = page.locator("#invoice-lines-" + invoiceId);
        lines.scrollIntoViewIfNeeded();
        lines.click();
    }
}
