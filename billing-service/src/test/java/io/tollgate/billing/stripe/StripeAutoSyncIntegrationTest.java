package io.tollgate.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.billing.Http;
import io.tollgate.testsupport.FakeStripe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Finalized invoices reach Stripe without anyone pushing them: after month close, and by the sync job. */
class StripeAutoSyncIntegrationTest extends BillingIntegrationTest {

    @Autowired
    StripeAutoSync autoSync;

    @Autowired
    StripeInvoiceSync sync;

    Http http;
    String finance;

    @BeforeEach
    void resetStripe() {
        STRIPE.reset();
        http = new Http(port);
        finance = data.user("FINANCE", null, null);
    }

    @Test
    void month_close_with_stripe_configured_leaves_every_finalized_invoice_of_the_month_in_stripe() {
        List<UUID> tenants = List.of(data.tenant(), data.tenant(), data.tenant());
        for (UUID tenant : tenants) {
            data.eventsCosting(tenant, data.app(tenant, "app"), "gpt-4o", 2, Instant.parse("2037-01-10T10:00:00Z"), "3");
        }
        rollup.catchUp();
        clock.set("2037-02-01T00:05:00Z");

        assertThat(http.post("/api/v1/billing/month-close", finance, "{\"period\":\"2037-01\"}").statusCode())
                .isEqualTo(200);

        List<UUID> invoices = tenants.stream().map(this::invoiceOf).toList();
        assertThat(jdbc.sql("""
                        select count(*) from invoices
                        where id in (:ids) and status = 'FINALIZED' and stripe_invoice_id is not null
                          and stripe_finalized_at is not null""")
                .param("ids", invoices).query(Integer.class).single()).isEqualTo(3);
        // the close also bills other tests' tenants with unbilled usage in the shared database: look at ours only
        for (UUID invoice : invoices) {
            String stripeInvoice = jdbc.sql("select stripe_invoice_id from invoices where id = :id")
                    .param("id", invoice).query(String.class).single();
            assertThat(STRIPE.itemsOn(stripeInvoice)).as("one usage line, no markup").isEqualTo(1);
            assertThat(STRIPE.calls()).filteredOn(call -> ("tollgate-finalize-" + invoice).equals(call.idempotencyKey()))
                    .extracting(FakeStripe.Call::status).containsExactly(200);
        }
        assertThat(jdbc.sql("""
                        select count(*) from invoices
                        where period_start = '2037-01-01' and status = 'FINALIZED' and stripe_finalized_at is null""")
                .query(Integer.class).single()).as("no invoice of the month is left out").isZero();
    }

    @Test
    void a_push_that_failed_at_month_close_is_finished_by_the_sync_job_a_day_later_without_billing_twice() {
        UUID tenant = data.tenant(data.plan("20"), null);
        data.eventsCosting(tenant, data.app(tenant, "chat"), "gpt-4o", 4, Instant.parse("2037-03-03T10:00:00Z"), "0.7");
        data.eventsCosting(tenant, data.app(tenant, "rag"), "gpt-4o", 1, Instant.parse("2037-03-04T10:00:00Z"), "2");
        rollup.catchUp();
        clock.set("2037-04-01T00:05:00Z");
        String customer = "cus_failing_" + tenant;
        jdbc.sql("update tenants set stripe_customer_id = :c where id = :t").param("c", customer).param("t", tenant)
                .update();
        STRIPE.failNextFinalizeOf(customer, 400);

        assertThat(http.post("/api/v1/billing/month-close", finance, "{\"period\":\"2037-03\"}").statusCode())
                .as("a Stripe failure does not fail the month close").isEqualTo(200);
        UUID invoice = invoiceOf(tenant);
        String stripeInvoice = jdbc.sql("select stripe_invoice_id from invoices where id = :id").param("id", invoice)
                .query(String.class).single();
        assertThat(stripeInvoice).startsWith("in_");
        assertThat(synced(invoice)).isFalse();
        int lines = jdbc.sql("select count(*) from invoice_lines where invoice_id = :id").param("id", invoice)
                .query(Integer.class).single();
        assertThat(STRIPE.itemsOn(stripeInvoice)).isEqualTo(lines);

        STRIPE.forgetIdempotencyKeys();
        clock.advance(Duration.ofDays(1).plusHours(1));
        StripeAutoSync.Result result = autoSync.syncPending();

        assertThat(result.failed()).isZero();
        assertThat(synced(invoice)).isTrue();
        assertThat(STRIPE.itemsOn(stripeInvoice)).as("no line was added twice").isEqualTo(lines);
        assertThat(jdbc.sql("select stripe_invoice_id from invoices where id = :id").param("id", invoice)
                .query(String.class).single()).isEqualTo(stripeInvoice);
        assertThat(STRIPE.calls()).filteredOn(call -> call.path().equals("/v1/invoices/" + stripeInvoice + "/finalize"))
                .extracting(FakeStripe.Call::status).containsExactly(400, 200);
        assertThat(jdbc.sql("select count(*) from invoices where status = 'FINALIZED' and stripe_finalized_at is null")
                .query(Integer.class).single()).as("every finalized invoice is in Stripe").isZero();
        assertThat(autoSync.syncPending()).isEqualTo(new StripeAutoSync.Result(0, 0));
    }

    @Test
    void voiding_an_invoice_voids_or_deletes_its_stripe_copy_and_the_sync_job_retries_a_failed_void() {
        UUID voidFails = data.tenant();
        UUID voidWorks = data.tenant();
        UUID neverFinalized = data.tenant();
        for (UUID tenant : List.of(voidFails, voidWorks, neverFinalized)) {
            data.eventsCosting(tenant, data.app(tenant, "app"), "gpt-4o", 1, Instant.parse("2037-07-03T10:00:00Z"), "5");
        }
        String draftCustomer = "cus_draft_" + neverFinalized;
        jdbc.sql("update tenants set stripe_customer_id = :c where id = :t").param("c", draftCustomer)
                .param("t", neverFinalized).update();
        STRIPE.failNextFinalizeOf(draftCustomer, 400);
        rollup.catchUp();
        clock.set("2037-08-01T00:05:00Z");
        assertThat(http.post("/api/v1/billing/month-close", finance, "{\"period\":\"2037-07\"}").statusCode())
                .isEqualTo(200);
        UUID failing = invoiceOf(voidFails);
        UUID working = invoiceOf(voidWorks);
        UUID draftInStripe = invoiceOf(neverFinalized);
        STRIPE.failNext("/void", 400);

        for (UUID invoice : List.of(failing, working, draftInStripe)) {
            HttpResponse<byte[]> voided = http.post("/api/v1/billing/invoices/" + invoice + "/void", finance, "");
            assertThat(voided.statusCode()).as("a Stripe failure does not undo the void").isEqualTo(200);
        }

        assertThat(voidedInStripe(failing)).isFalse();
        assertThat(voidedInStripe(working)).isTrue();
        assertThat(STRIPE.calls()).filteredOn(call -> call.path().equals("/v1/invoices/" + copyOf(working) + "/void"))
                .extracting(FakeStripe.Call::idempotencyKey).containsExactly("tollgate-void-" + working);
        assertThat(voidedInStripe(draftInStripe)).isTrue();
        assertThat(STRIPE.calls()).filteredOn(call -> call.method().equals("DELETE"))
                .extracting(FakeStripe.Call::path).containsExactly("/v1/invoices/" + copyOf(draftInStripe));

        assertThat(autoSync.syncPending().failed()).isZero();

        assertThat(voidedInStripe(failing)).isTrue();
        assertThat(STRIPE.calls()).filteredOn(call -> call.path().equals("/v1/invoices/" + copyOf(failing) + "/void"))
                .extracting(FakeStripe.Call::status).containsExactly(400, 200);
    }

    @Test
    void without_an_api_key_nothing_is_pushed() {
        StripeAutoSync unconfigured = new StripeAutoSync(
                new StripeProperties("", STRIPE.baseUrl(), "", 0, 30, 300), sync, jdbc);
        UUID tenant = data.tenant();
        data.eventsCosting(tenant, data.app(tenant, "app"), "gpt-4o", 1, Instant.parse("2037-05-03T10:00:00Z"), "1");
        rollup.catchUp();
        clock.set("2037-06-01T00:05:00Z");
        assertThat(http.post("/api/v1/billing/month-close", finance,
                "{\"period\":\"2037-05\",\"finalizeInvoices\":false}").statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/billing/invoices/" + invoiceOf(tenant) + "/finalize", finance, "").statusCode())
                .isEqualTo(200);

        assertThat(unconfigured.syncPending()).isEqualTo(new StripeAutoSync.Result(0, 0));
        assertThat(STRIPE.calls()).isEmpty();
        assertThat(synced(invoiceOf(tenant))).isFalse();
    }

    private UUID invoiceOf(UUID tenant) {
        return jdbc.sql("select id from invoices where tenant_id = :t and status <> 'VOID'").param("t", tenant)
                .query(UUID.class).single();
    }

    private boolean voidedInStripe(UUID invoice) {
        return jdbc.sql("select stripe_voided_at is not null from invoices where id = :id").param("id", invoice)
                .query(Boolean.class).single();
    }

    private String copyOf(UUID invoice) {
        return jdbc.sql("select stripe_invoice_id from invoices where id = :id").param("id", invoice)
                .query(String.class).single();
    }

    private boolean synced(UUID invoice) {
        return jdbc.sql("select stripe_finalized_at is not null from invoices where id = :id").param("id", invoice)
                .query(Boolean.class).single();
    }
}
