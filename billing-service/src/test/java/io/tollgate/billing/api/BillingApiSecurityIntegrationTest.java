package io.tollgate.billing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.billing.Http;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class BillingApiSecurityIntegrationTest extends BillingIntegrationTest {

    Http http;
    UUID tenantA;
    UUID tenantB;
    UUID invoiceA;
    UUID invoiceB;

    @BeforeEach
    void twoTenantsWithInvoices() {
        http = new Http(port);
        tenantA = data.tenant();
        tenantB = data.tenant();
        data.eventsCosting(tenantA, data.app(tenantA, "a"), "gpt-4o", 3, Instant.parse("2035-01-10T10:00:00Z"), "1");
        data.eventsCosting(tenantB, data.app(tenantB, "b"), "gpt-4o", 5, Instant.parse("2035-01-10T10:00:00Z"), "1");
        rollup.catchUp();
        clock.set("2035-02-01T00:05:00Z");
        String finance = data.user("FINANCE", null, null);
        assertThat(http.post("/api/v1/billing/month-close", finance, "{\"period\":\"2035-01\"}").statusCode())
                .isEqualTo(200);
        invoiceA = invoiceOf(tenantA);
        invoiceB = invoiceOf(tenantB);
    }

    @Test
    void a_request_without_credentials_is_refused_with_a_problem() {
        HttpResponse<byte[]> response = http.get("/api/v1/billing/invoices/" + invoiceA, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Http.json(response).path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> v.startsWith("Basic"));
    }

    @Test
    void a_wrong_password_is_refused() {
        String user = data.user("FINANCE", null, null);
        HttpResponse<byte[]> response = new Http(port).get("/api/v1/billing/invoices?period=2035-01", user + "x");

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void a_tenant_billing_member_sees_only_their_own_tenant() {
        String billingA = data.user(null, tenantA, "BILLING");

        assertThat(http.get("/api/v1/billing/invoices/" + invoiceA, billingA).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> otherInvoice = http.get("/api/v1/billing/invoices/" + invoiceB, billingA);
        assertThat(otherInvoice.statusCode()).isEqualTo(404);
        assertThat(Http.json(otherInvoice).path("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/api/v1/billing/invoices/" + invoiceB + "/export.pdf", billingA).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/billing/invoices/" + invoiceB + "/export.csv", billingA).statusCode())
                .isEqualTo(404);
        HttpResponse<byte[]> otherChargeback = http.get("/api/v1/billing/tenants/" + tenantB
                + "/chargeback?from=2035-01-01&to=2035-02-01", billingA);
        assertThat(otherChargeback.statusCode()).isEqualTo(403);
        assertThat(Http.json(otherChargeback).path("code").asString()).isEqualTo("FORBIDDEN");
        assertThat(http.get("/api/v1/billing/invoices?period=2035-01&tenantId=" + tenantB, billingA).statusCode())
                .isEqualTo(403);
        JsonNode own = Http.json(http.get("/api/v1/billing/invoices?period=2035-01", billingA));
        assertThat(own.size()).isEqualTo(1);
        assertThat(own.get(0).path("tenantId").asString()).isEqualTo(tenantA.toString());
        String periodCsv = Http.text(http.get("/api/v1/billing/periods/2035-01/invoices.csv", billingA));
        assertThat(periodCsv).contains(tenantA.toString()).doesNotContain(tenantB.toString());
    }

    @Test
    void billing_and_admin_members_of_one_tenant_get_nothing_of_another_tenant_by_id_in_the_url() {
        for (String role : new String[] {"BILLING", "ADMIN"}) {
            String memberOfA = data.user(null, tenantA, role);
            for (String path : new String[] {"/invoices/" + invoiceB, "/invoices/" + invoiceB + "/export.csv",
                    "/invoices/" + invoiceB + "/export.pdf"}) {
                HttpResponse<byte[]> response = http.get("/api/v1/billing" + path, memberOfA);
                assertThat(response.statusCode()).as(role + " GET " + path).isEqualTo(404);
                assertThat(Http.text(response)).doesNotContain(tenantB.toString());
            }
            for (String path : new String[] {"/tenants/" + tenantB + "/chargeback?from=2035-01-01&to=2035-02-01",
                    "/tenants/" + tenantB + "/chargeback.csv?from=2035-01-01&to=2035-02-01",
                    "/tenants/" + tenantB + "/markup", "/invoices?period=2035-01&tenantId=" + tenantB,
                    "/periods/2035-01/invoices.csv?tenantId=" + tenantB}) {
                HttpResponse<byte[]> response = http.get("/api/v1/billing" + path, memberOfA);
                assertThat(response.statusCode()).as(role + " GET " + path).isEqualTo(403);
                assertThat(Http.json(response).path("code").asString()).isEqualTo("FORBIDDEN");
            }
            for (String path : new String[] {"/invoices/" + invoiceB + "/stripe", "/invoices/" + invoiceB + "/void",
                    "/invoices/" + invoiceB + "/finalize"}) {
                assertThat(http.post("/api/v1/billing" + path, memberOfA, "").statusCode())
                        .as(role + " POST " + path).isEqualTo(403);
            }
            assertThat(http.put("/api/v1/billing/tenants/" + tenantB + "/markup", memberOfA, "{\"markupPercent\":-99}")
                    .statusCode()).isEqualTo(403);
            String allChargebacks = Http.text(http.get(
                    "/api/v1/billing/chargeback.csv?from=2035-01-01&to=2035-02-01", memberOfA));
            assertThat(allChargebacks).contains(tenantA.toString()).doesNotContain(tenantB.toString());
            String ownPeriod = Http.text(http.get("/api/v1/billing/periods/2035-01/invoices.csv", memberOfA));
            assertThat(ownPeriod).contains(tenantA.toString()).doesNotContain(tenantB.toString());
        }
        assertThat(jdbc.sql("select status from invoices where id = :id").param("id", invoiceB).query(String.class)
                .single()).isEqualTo("FINALIZED");
        assertThat(jdbc.sql("select markup_percent is null from tenants where id = :id").param("id", tenantB)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void a_tenant_admin_reads_billing_but_a_developer_does_not() {
        String adminA = data.user(null, tenantA, "ADMIN");
        String developerA = data.user(null, tenantA, "DEVELOPER");

        assertThat(http.get("/api/v1/billing/invoices/" + invoiceA, adminA).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/billing/invoices/" + invoiceA, developerA).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/v1/billing/tenants/" + tenantA + "/chargeback?from=2035-01-01&to=2035-02-01",
                developerA).statusCode()).isEqualTo(403);
    }

    @Test
    void finance_sees_every_tenant_and_only_finance_closes_months_or_voids() {
        String finance = data.user("FINANCE", null, null);
        String platformAdmin = data.user("ADMIN", null, null);
        String billingA = data.user(null, tenantA, "BILLING");

        assertThat(http.get("/api/v1/billing/invoices/" + invoiceB, finance).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/v1/billing/invoices/" + invoiceB, platformAdmin).statusCode()).isEqualTo(200);
        assertThat(http.post("/api/v1/billing/month-close", billingA, "{\"period\":\"2035-01\"}").statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/v1/billing/invoices/" + invoiceA + "/void", billingA, "").statusCode())
                .isEqualTo(403);
        HttpResponse<byte[]> voided = http.post("/api/v1/billing/invoices/" + invoiceA + "/void", finance,
                "{\"reason\": \" Wrong markup applied \"}");
        assertThat(voided.statusCode()).isEqualTo(200);
        assertThat(Http.json(voided).path("status").asString()).isEqualTo("VOID");
        assertThat(Http.json(voided).path("voidReason").asString()).isEqualTo("Wrong markup applied");
        assertThat(Http.json(http.get("/api/v1/billing/invoices/" + invoiceA, billingA)).path("voidReason")
                .asString()).as("the tenant's billing member reads it too").isEqualTo("Wrong markup applied");
        HttpResponse<byte[]> again = http.post("/api/v1/billing/invoices/" + invoiceA + "/void", finance, "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Http.json(again).path("code").asString()).isEqualTo("INVALID_INVOICE_STATE");
    }

    @Test
    void bad_input_gets_a_precise_error_without_internals() {
        String finance = data.user("FINANCE", null, null);

        HttpResponse<byte[]> badMonth = http.get("/api/v1/billing/invoices?period=2035-13", finance);
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(Http.json(badMonth).path("detail").asString()).contains("'period'");
        HttpResponse<byte[]> badId = http.get("/api/v1/billing/invoices/not-a-uuid", finance);
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(Http.json(badId).path("code").asString()).isEqualTo("INVALID_REQUEST");
        HttpResponse<byte[]> future = http.post("/api/v1/billing/month-close", finance, "{\"period\":\"2099-01\"}");
        assertThat(future.statusCode()).isEqualTo(400);
        HttpResponse<byte[]> broken = http.post("/api/v1/billing/month-close", finance, "{\"period\":");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(Http.text(broken)).doesNotContain("Exception").doesNotContain("at io.");
    }

    private UUID invoiceOf(UUID tenant) {
        return jdbc.sql("select id from invoices where tenant_id = :t and status <> 'VOID'").param("t", tenant)
                .query(UUID.class).single();
    }
}
