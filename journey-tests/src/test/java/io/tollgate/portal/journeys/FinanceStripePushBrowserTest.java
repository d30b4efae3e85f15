package io.tollgate.portal.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.tollgate.portal.browser.Browser;
import io.tollgate.portal.browser.Steps;
import io.tollgate.portal.finance.BillingApiProperties;
import io.tollgate.portal.support.Invoices;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import io.tollgate.testsupport.FakeStripe;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finance pushes a finalized invoice to Stripe from the portal, end to end over real HTTP: the browser, the portal,
 * the real billing service (the packaged jar, with STRIPE_API_KEY and STRIPE_API_BASE set) and a fake Stripe that
 * keeps what it was sent. Stripe ends up with one item per invoice line, of the line's amount in cents.
 */
@PortalIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FinanceStripePushBrowserTest {

    private static final String PASSWORD = "stripe-push-password-for-tests";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BillingApiProperties billingApi;
    FakeStripe stripe;
    RunningBilling billing;
    String finance;
    UUID tenant;
    String tenantName;

    @BeforeAll
    void startBillingWithStripe() {
        stripe = new FakeStripe();
        billing = RunningBilling.start(billingApi.url(), Map.of("STRIPE_API_KEY", "sk_test_portal_push",
                "STRIPE_API_BASE", stripe.baseUrl()));
    }

    @AfterAll
    void stopBillingAndStripe() {
        if (billing != null) {
            billing.close();
        }
        if (stripe != null) {
            stripe.close();
        }
    }

    @BeforeEach
    void aFinanceUserAndATenantWithTwoBillingContacts() {
        finance = new Tenants(jdbc).newPlatformUser("FINANCE", "Fin Push", PASSWORD).email();
        tenant = UUID.randomUUID();
        tenantName = "Pushing Co " + tenant.toString().substring(0, 6);
        jdbc.sql("""
                        insert into tenants (id, slug, name, plan_id)
                        values (?, ?, ?, '00000000-0000-0000-0000-00000000f002')""")
                .params(tenant, "pushing-" + tenant.toString().substring(0, 8), tenantName).update();
        for (String contact : List.of("ap@pushing.example", "cfo@pushing.example")) {
            jdbc.sql("""
                            insert into tenant_billing_contacts (id, tenant_id, email, created_at)
                            values (?, ?, ?, clock_timestamp())""")
                    .params(UUID.randomUUID(), tenant, contact).update();
        }
        billing.awaitReady();
    }

    @Test
    void finance_pushes_an_invoice_and_stripe_holds_one_item_per_line_of_the_lines_amount() {
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        Invoices.Issued issued = new Invoices(jdbc).finalized(tenant, lastMonth, "push-bot usage", "12.50");
        Steps steps = new Steps(Browser.desktop("http://localhost:" + port));
        Page page = steps.page();
        steps.signIn(finance, PASSWORD);
        steps.go("/finance/invoices");

        page.locator("#invoice-stripe-" + issued.id()).click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByText("Push to Stripe").last()
                .click();

        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("is in Stripe"))).isVisible();
        assertThat(page.locator("#invoice-stripe-" + issued.id())).hasCount(0);
        Browser.screenshot(page, "finance-stripe-pushed");

        String stripeInvoice = jdbc.sql("""
                        select stripe_invoice_id from invoices where id = ? and stripe_finalized_at is not null""")
                .param(issued.id()).query(String.class).single();
        assertThat(stripe.posts("/v1/customers")).singleElement().satisfies(customer -> {
            assertThat(customer.form()).containsEntry("name", tenantName)
                    .as("a Stripe customer has one address: the first contact")
                    .containsEntry("email", "ap@pushing.example");
        });
        assertThat(stripe.posts("/v1/invoices")).singleElement().satisfies(invoice -> assertThat(invoice.form())
                .containsEntry("currency", "usd").containsEntry("metadata[tollgate_invoice_number]", issued.number()));
        List<PushedLine> expected = jdbc.sql("""
                        select id, description, amount_usd from invoice_lines where invoice_id = ? order by line_no""")
                .param(issued.id()).query((rs, row) -> new PushedLine(rs.getString("id"), rs.getString("description"),
                        rs.getBigDecimal("amount_usd").movePointRight(2).toBigIntegerExact().toString())).list();
        List<PushedLine> pushed = stripe.items(stripeInvoice).stream().map(item -> new PushedLine(
                item.form().get("metadata[tollgate_invoice_line_id]"), item.form().get("description"),
                item.form().get("amount"))).toList();
        assertThat(expected).extracting(PushedLine::amountCents).containsExactly("1250", "125");
        assertThat(pushed).containsExactlyInAnyOrderElementsOf(expected);
        BigDecimal total = jdbc.sql("select total_usd from invoices where id = ?").param(issued.id())
                .query(BigDecimal.class).single();
        assertThat(pushed.stream().map(line -> new BigDecimal(line.amountCents())).reduce(BigDecimal.ZERO,
                BigDecimal::add)).as("Stripe's total is the invoice's").isEqualByComparingTo(total.movePointRight(2));
        assertThat(stripe.items(stripeInvoice)).allSatisfy(item -> assertThat(item.form())
                .containsEntry("currency", "usd"));
        assertThat(stripe.posts("/v1/invoices/" + stripeInvoice + "/finalize")).hasSize(1);
        assertThat(jdbc.sql("""
                        select count(*) from audit_log
                        where actor_email = ? and action = 'invoice.stripe_push' and target_id = ?""")
                .params(finance, issued.id().toString()).query(Long.class).single()).isEqualTo(1);
    }

    /** An invoice line as Stripe holds it: our line id, its description and amount in cents. */
    private record PushedLine(String lineId, String description, String amountCents) {
    }
}
