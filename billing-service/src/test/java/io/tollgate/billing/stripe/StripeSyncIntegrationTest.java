package io.tollgate.billing.stripe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.billing.Http;
import io.tollgate.testsupport.FakeStripe;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StripeSyncIntegrationTest extends BillingIntegrationTest {

    Http http;
    String finance;
    UUID tenant;
    UUID invoiceId;
    List<Map<String, Object>> lines;

    @BeforeEach
    void anInvoiceFinalizedByHandWithThreeLines() {
        STRIPE.reset();
        http = new Http(port);
        finance = data.user("FINANCE", null, null);
        tenant = data.tenant(data.plan("10"), null);
        data.eventsCosting(tenant, data.app(tenant, "chat"), "gpt-4o", 3, Instant.parse("2036-01-10T10:00:00Z"), "1.25");
        data.eventsCosting(tenant, data.app(tenant, "rag"), "gpt-4o", 1, Instant.parse("2036-01-11T10:00:00Z"), "0.5");
        rollup.catchUp();
        clock.set("2036-02-01T00:05:00Z");
        assertThat(http.post("/api/v1/billing/month-close", finance,
                "{\"period\":\"2036-01\",\"finalizeInvoices\":false}").statusCode()).isEqualTo(200);
        invoiceId = jdbc.sql("select id from invoices where tenant_id = :t").param("t", tenant).query(UUID.class)
                .single();
        // finalized by hand, so nothing pushed it yet: these tests push it themselves
        assertThat(http.post("/api/v1/billing/invoices/" + invoiceId + "/finalize", finance, "").statusCode())
                .isEqualTo(200);
        lines = jdbc.sql("select id, amount_usd from invoice_lines where invoice_id = :i order by line_no")
                .param("i", invoiceId).query().listOfRows();
        STRIPE.reset();
    }

    @Test
    void pushing_an_invoice_makes_each_stripe_call_once_with_idempotency_keys_and_retries_a_5xx_with_the_same_key() {
        STRIPE.failNext("/v1/invoiceitems", 500);

        HttpResponse<byte[]> response = http.post("/api/v1/billing/invoices/" + invoiceId + "/stripe", finance, "");

        assertThat(response.statusCode()).isEqualTo(200);
        List<FakeStripe.Call> calls = STRIPE.calls();
        String stripeInvoice = Http.json(response).path("stripeInvoiceId").asString();
        assertThat(calls).extracting(FakeStripe.Call::path).containsExactly("/v1/customers", "/v1/invoices",
                "/v1/invoiceitems", "/v1/invoiceitems", "/v1/invoiceitems", "/v1/invoiceitems",
                "/v1/invoices/" + stripeInvoice + "/finalize");
        assertThat(calls.get(0).idempotencyKey()).isEqualTo("tollgate-customer-" + tenant);
        assertThat(calls.get(1).idempotencyKey()).isEqualTo("tollgate-invoice-" + invoiceId);
        assertThat(calls.get(2).status()).isEqualTo(500);
        assertThat(calls.get(3).idempotencyKey()).as("the retry reuses the key").isEqualTo(calls.get(2).idempotencyKey());
        assertThat(calls.subList(3, 6)).extracting(FakeStripe.Call::idempotencyKey).containsExactlyElementsOf(
                lines.stream().map(line -> "tollgate-line-" + line.get("id")).toList());
        assertThat(calls.subList(3, 6)).extracting(call -> call.form().get("amount")).containsExactlyElementsOf(
                lines.stream().map(line -> ((BigDecimal) line.get("amount_usd")).movePointRight(2)
                        .toBigIntegerExact().toString()).toList());
        assertThat(calls.getLast().idempotencyKey()).isEqualTo("tollgate-finalize-" + invoiceId);
        assertThat(STRIPE.created("invoiceitem")).isEqualTo(3);
        assertThat(jdbc.sql("select stripe_customer_id from tenants where id = :t").param("t", tenant)
                .query(String.class).single()).startsWith("cus_");
        assertThat(stripeInvoice).startsWith("in_");
        assertThat(calls.subList(3, 6)).allSatisfy(call -> assertThat(call.form().get("invoice")).isEqualTo(stripeInvoice));
    }

    @Test
    void pushing_again_after_a_failure_never_bills_twice() {
        STRIPE.failNext("/finalize", 400);

        HttpResponse<byte[]> failed = http.post("/api/v1/billing/invoices/" + invoiceId + "/stripe", finance, "");
        HttpResponse<byte[]> retried = http.post("/api/v1/billing/invoices/" + invoiceId + "/stripe", finance, "");
        HttpResponse<byte[]> again = http.post("/api/v1/billing/invoices/" + invoiceId + "/stripe", finance, "");

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(Http.json(failed).path("code").asString()).isEqualTo("STRIPE_UNAVAILABLE");
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(STRIPE.created("customer")).isEqualTo(1);
        assertThat(STRIPE.created("invoice")).isEqualTo(1);
        assertThat(STRIPE.created("invoiceitem")).isEqualTo(lines.size());
        assertThat(STRIPE.calls().stream().filter(c -> c.path().endsWith("/finalize") && c.status() == 200)).hasSize(1);
    }

    @Test
    void a_signed_paid_event_marks_the_invoice_paid_and_a_forged_one_is_refused() throws Exception {
        String stripeInvoice = Http.json(http.post("/api/v1/billing/invoices/" + invoiceId + "/stripe", finance, ""))
                .path("stripeInvoiceId").asString();
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"type\":\"invoice.paid\","
                + "\"data\":{\"object\":{\"id\":\"" + stripeInvoice + "\",\"object\":\"invoice\"}}}";

        HttpResponse<byte[]> forged = http.postWithHeader("/api/v1/billing/stripe/webhook", payload,
                "Stripe-Signature", signature(payload, "whsec_wrong"));
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(Http.json(forged).path("code").asString()).isEqualTo("STRIPE_SIGNATURE_INVALID");
        assertThat(status()).isEqualTo("FINALIZED");

        HttpResponse<byte[]> paid = http.postWithHeader("/api/v1/billing/stripe/webhook", payload,
                "Stripe-Signature", signature(payload, STRIPE_WEBHOOK_SECRET));
        HttpResponse<byte[]> replayed = http.postWithHeader("/api/v1/billing/stripe/webhook", payload,
                "Stripe-Signature", signature(payload, STRIPE_WEBHOOK_SECRET));

        assertThat(paid.statusCode()).isEqualTo(200);
        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(status()).isEqualTo("PAID");
    }

    private String status() {
        return jdbc.sql("select status from invoices where id = :i").param("i", invoiceId).query(String.class).single();
    }

    private String signature(String payload, String secret) throws Exception {
        long timestamp = clock.instant().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String v1 = HexFormat.of().formatHex(mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
        return "t=" + timestamp + ",v1=" + v1;
    }
}
