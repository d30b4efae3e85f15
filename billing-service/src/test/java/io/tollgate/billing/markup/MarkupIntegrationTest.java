package io.tollgate.billing.markup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.billing.Http;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MarkupIntegrationTest extends BillingIntegrationTest {

    Http http;
    String finance;

    @BeforeEach
    void financeUser() {
        http = new Http(port);
        finance = data.user("FINANCE", null, null);
    }

    @Test
    void a_tenant_discount_set_by_finance_overrides_the_plan_in_chargebacks_and_invoices_and_clearing_it_falls_back() {
        UUID tenant = data.tenant(data.plan("10"), null);
        data.eventsCosting(tenant, data.app(tenant, "app"), "gpt-4o", 3, Instant.parse("2038-01-10T10:00:00Z"),
                "1.234567891");
        rollup.catchUp();
        assertThat(markupOf(tenant).path("effectiveMarkupPercent").decimalValue()).isEqualByComparingTo("10");

        HttpResponse<byte[]> set = http.put("/api/v1/billing/tenants/" + tenant + "/markup", finance,
                "{\"markupPercent\":-7.5}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(Http.json(set).path("tenantMarkupPercent").decimalValue()).isEqualByComparingTo("-7.5");
        assertThat(Http.json(set).path("planMarkupPercent").decimalValue()).isEqualByComparingTo("10");
        BigDecimal metered = data.eventCost(tenant);
        JsonNode chargeback = Http.json(http.get("/api/v1/billing/tenants/" + tenant
                + "/chargeback?from=2038-01-01&to=2038-02-01", finance));
        assertThat(chargeback.path("totals").path("chargedUsd").decimalValue())
                .isEqualByComparingTo(metered.multiply(new BigDecimal("0.925")));
        clock.set("2038-02-01T00:05:00Z");
        assertThat(http.post("/api/v1/billing/month-close", finance, "{\"period\":\"2038-01\"}").statusCode())
                .isEqualTo(200);
        Map<String, Object> invoice = jdbc.sql("select markup_percent, total_usd from invoices where tenant_id = :t")
                .param("t", tenant).query().singleRow();
        assertThat((BigDecimal) invoice.get("markup_percent")).isEqualByComparingTo("-7.5");
        assertThat((BigDecimal) invoice.get("total_usd")).isEqualByComparingTo(
                metered.multiply(new BigDecimal("0.925")).setScale(2, RoundingMode.HALF_EVEN));

        HttpResponse<byte[]> cleared = http.put("/api/v1/billing/tenants/" + tenant + "/markup", finance,
                "{\"markupPercent\":null}");

        assertThat(Http.json(cleared).path("effectiveMarkupPercent").decimalValue()).isEqualByComparingTo("10");
        assertThat(Http.json(cleared).path("tenantMarkupPercent").isNull()).isTrue();
        assertThat((BigDecimal) jdbc.sql("select markup_percent from invoices where tenant_id = :t").param("t", tenant)
                .query().singleRow().get("markup_percent")).as("the finalized invoice keeps its markup")
                .isEqualByComparingTo("-7.5");
        assertThat(jdbc.sql("""
                        select count(*) from audit_log
                        where action = 'tenant.markup.update' and target_id = :t and actor_email = :finance""")
                .param("t", tenant.toString()).param("finance", finance).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void a_plan_markup_applies_to_its_tenants_except_those_with_their_own() {
        UUID plan = data.plan("0");
        UUID onPlan = data.tenant(plan, null);
        UUID ownMarkup = data.tenant(plan, "3");

        HttpResponse<byte[]> set = http.put("/api/v1/billing/plans/" + plan + "/markup", finance,
                "{\"markupPercent\":\"25.125\"}");

        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(markupOf(onPlan).path("effectiveMarkupPercent").decimalValue()).isEqualByComparingTo("25.125");
        assertThat(markupOf(ownMarkup).path("effectiveMarkupPercent").decimalValue()).isEqualByComparingTo("3");
        assertThat(jdbc.sql("select count(*) from audit_log where action = 'plan.markup.update' and target_id = :p")
                .param("p", plan.toString()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void only_finance_changes_markups_and_impossible_values_are_refused() {
        UUID tenant = data.tenant(data.plan("5"), null);
        String tenantAdmin = data.user(null, tenant, "ADMIN");
        String platformAdmin = data.user("ADMIN", null, null);

        assertThat(http.get("/api/v1/billing/tenants/" + tenant + "/markup", tenantAdmin).statusCode()).isEqualTo(200);
        assertThat(http.put("/api/v1/billing/tenants/" + tenant + "/markup", tenantAdmin, "{\"markupPercent\":-50}")
                .statusCode()).isEqualTo(403);
        assertThat(http.put("/api/v1/billing/tenants/" + tenant + "/markup", platformAdmin, "{\"markupPercent\":1}")
                .statusCode()).isEqualTo(403);
        for (String bad : new String[] {"-100", "1000.5", "1.23456"}) {
            HttpResponse<byte[]> refused = http.put("/api/v1/billing/tenants/" + tenant + "/markup", finance,
                    "{\"markupPercent\":" + bad + "}");
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(Http.json(refused).path("detail").asString()).contains("'markupPercent'");
        }
        assertThat(http.put("/api/v1/billing/plans/" + UUID.randomUUID() + "/markup", finance,
                "{\"markupPercent\":1}").statusCode()).isEqualTo(404);
        assertThat(http.put("/api/v1/billing/plans/" + UUID.randomUUID() + "/markup", finance, "{}").statusCode())
                .isEqualTo(400);
        assertThat(markupOf(tenant).path("tenantMarkupPercent").isNull()).isTrue();
    }

    private JsonNode markupOf(UUID tenant) {
        HttpResponse<byte[]> response = http.get("/api/v1/billing/tenants/" + tenant + "/markup", finance);
        assertThat(response.statusCode()).isEqualTo(200);
        return Http.json(response);
    }
}
