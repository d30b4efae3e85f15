package io.tollgate.billing.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.billing.Http;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import tools.jackson.databind.JsonNode;

class ExportIntegrationTest extends BillingIntegrationTest {

    Http http;
    String finance;
    UUID tenant;
    UUID invoiceId;

    @BeforeEach
    void anInvoiceWithSeveralLines() {
        http = new Http(port);
        finance = data.user("FINANCE", null, null);
        tenant = data.tenant(data.plan("7.5"), null);
        UUID chat = data.app(tenant, "chat, with \"quotes\"");
        UUID search = data.app(tenant, "search");
        data.events(tenant, chat, "gpt-4o", 123, Instant.parse("2034-03-02T10:00:00Z"), "0.000987654321");
        data.events(tenant, search, "gpt-4o-mini", 45, Instant.parse("2034-03-15T10:00:00Z"), "0.0000000123");
        data.events(tenant, search, "gpt-4o", 7, Instant.parse("2034-03-31T10:00:00Z"), "0.0333333333333");
        rollup.catchUp();
        clock.set("2034-04-01T00:05:00Z");
        assertThat(http.post("/api/v1/billing/month-close", finance, "{\"period\":\"2034-03\"}").statusCode())
                .isEqualTo(200);
        invoiceId = jdbc.sql("select id from invoices where tenant_id = :t").param("t", tenant)
                .query(UUID.class).single();
    }

    @Test
    void invoice_csv_parses_and_its_lines_add_up_to_the_total() {
        HttpResponse<byte[]> response = http.get("/api/v1/billing/invoices/" + invoiceId + "/export.csv", finance);

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> v.startsWith("text/csv"));
        List<List<String>> rows = parseCsv(Http.text(response));
        assertThat(rows.get(1).get(1)).isEqualTo("t-" + tenant);
        int header = rows.indexOf(rows.stream().filter(r -> r.getFirst().equals("line_no")).findFirst().orElseThrow());
        List<List<String>> lines = rows.subList(header + 1, rows.size()).stream()
                .takeWhile(r -> !r.getFirst().isEmpty()).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.stream().filter(r -> r.get(1).equals("USAGE")).map(r -> r.get(2)))
                .contains("chat, with \"quotes\" / gpt-4o");
        BigDecimal sumOfLines = lines.stream().map(r -> new BigDecimal(r.get(11))).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> totals = rows.getLast();
        assertThat(sumOfLines).isEqualByComparingTo(totals.get(3));
        assertThat(new BigDecimal(totals.get(0))).isEqualByComparingTo(data.eventCost(tenant));
        BigDecimal meteredOfLines = lines.stream().map(r -> new BigDecimal(r.get(10)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(meteredOfLines).isEqualByComparingTo(data.eventCost(tenant));
    }

    @Test
    void invoice_pdf_opens_and_shows_the_tenant_period_lines_and_total() throws Exception {
        JsonNode invoice = Http.json(http.get("/api/v1/billing/invoices/" + invoiceId, finance));
        HttpResponse<byte[]> response = http.get("/api/v1/billing/invoices/" + invoiceId + "/export.pdf", finance);

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        PdfReader reader = new PdfReader(response.body());
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains(invoice.path("number").asString())
                .contains(invoice.path("tenantName").asString())
                .contains("2034-03-01 to 2034-03-31")
                .contains("Total: " + invoice.path("totalUsd").decimalValue().toPlainString() + " USD");
        for (JsonNode line : invoice.path("lines")) {
            assertThat(text).contains(line.path("amountUsd").decimalValue().toPlainString());
        }
    }

    @Test
    void invoice_json_holds_the_exact_metered_cost_and_the_rounded_total() {
        JsonNode invoice = Http.json(http.get("/api/v1/billing/invoices/" + invoiceId, finance));

        assertThat(invoice.path("meteredCostUsd").decimalValue()).isEqualByComparingTo(data.eventCost(tenant));
        assertThat(invoice.path("status").asString()).isEqualTo("FINALIZED");
        BigDecimal lines = BigDecimal.ZERO;
        for (JsonNode line : invoice.path("lines")) {
            lines = lines.add(line.path("amountUsd").decimalValue());
        }
        assertThat(lines).isEqualByComparingTo(invoice.path("totalUsd").decimalValue());
    }

    @Test
    void period_csv_lists_the_invoice_with_its_total() {
        List<List<String>> rows = parseCsv(Http.text(http.get("/api/v1/billing/periods/2034-03/invoices.csv", finance)));

        List<String> row = rows.stream().filter(r -> r.getFirst().equals(invoiceId.toString())).findFirst().orElseThrow();
        BigDecimal total = jdbc.sql("select total_usd from invoices where id = :id").param("id", invoiceId)
                .query(BigDecimal.class).single();
        assertThat(new BigDecimal(row.get(10))).isEqualByComparingTo(total);
        assertThat(row.get(5)).isEqualTo("2034-03-31");
    }

    @Test
    void chargeback_csv_holds_exact_costs_per_app_model_and_tags() {
        List<List<String>> rows = parseCsv(Http.text(http.get("/api/v1/billing/tenants/" + tenant
                + "/chargeback.csv?from=2034-03-01&to=2034-04-01", finance)));

        List<List<String>> lines = rows.subList(1, rows.size());
        assertThat(lines).hasSize(6);
        BigDecimal metered = lines.stream().map(r -> new BigDecimal(r.get(14))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(metered).isEqualByComparingTo(data.eventCost(tenant));
        BigDecimal charged = lines.stream().map(r -> new BigDecimal(r.get(16))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(charged).isEqualByComparingTo(data.eventCost(tenant).multiply(new BigDecimal("1.075")));
        assertThat(lines.stream().mapToLong(r -> Long.parseLong(r.get(8))).sum()).isEqualTo(175);
        List<String> allTenants = parseCsv(Http.text(http.get(
                "/api/v1/billing/chargeback.csv?from=2034-03-01&to=2034-04-01", finance))).stream()
                .map(List::getFirst).toList();
        assertThat(allTenants).contains(tenant.toString());
    }

    @Test
    void chargeback_json_has_a_line_per_app_model_and_tags_that_add_up_to_the_events_with_the_markup() {
        JsonNode chargeback = Http.json(http.get("/api/v1/billing/tenants/" + tenant
                + "/chargeback?from=2034-03-01&to=2034-04-01", finance));

        BigDecimal metered = data.eventCost(tenant);
        assertThat(chargeback.path("markupPercent").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(chargeback.path("totals").path("requests").asLong()).isEqualTo(175);
        assertThat(chargeback.path("totals").path("meteredCostUsd").decimalValue()).isEqualByComparingTo(metered);
        assertThat(chargeback.path("totals").path("chargedUsd").decimalValue())
                .isEqualByComparingTo(metered.multiply(new BigDecimal("1.075")));
        assertThat(chargeback.path("lines").size()).isEqualTo(6);
        for (JsonNode line : chargeback.path("lines")) {
            BigDecimal eventsOfLine = jdbc.sql("""
                            select sum(cost_usd) from usage_events
                            where tenant_id = :t and app_id = :app and served_model = :model and tags = :tags""")
                    .param("t", tenant).param("app", UUID.fromString(line.path("appId").asString()))
                    .param("model", line.path("model").asString()).param("tags", line.path("tags").asString())
                    .query(BigDecimal.class).single();
            assertThat(line.path("meteredCostUsd").decimalValue()).isEqualByComparingTo(eventsOfLine);
        }
    }

    @Test
    void names_a_spreadsheet_would_run_as_formulas_are_exported_as_text() {
        UUID hostile = data.app(tenant, "\uFF1DHYPERLINK(\"http://evil\")");
        UUID tabbed = data.app(tenant, " \t=cmd|' /C calc'!A0");
        data.events(tenant, hostile, "gpt-4o", 2, Instant.parse("2034-05-02T10:00:00Z"), "0.01");
        data.events(tenant, tabbed, "gpt-4o", 3, Instant.parse("2034-05-03T10:00:00Z"), "0.01");
        clock.set("2034-06-01T01:00:00Z");
        rollup.catchUp();

        List<List<String>> rows = parseCsv(Http.text(http.get("/api/v1/billing/tenants/" + tenant
                + "/chargeback.csv?from=2034-05-01&to=2034-06-01", finance)));

        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(5)))
                .isNotEmpty()
                .containsOnly("'\uFF1DHYPERLINK(\"http://evil\")", "' \t=cmd|' /C calc'!A0");
    }

    /** A small RFC 4180 reader, so the test does not trust the writer's own escaping. */
    static List<List<String>> parseCsv(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertThat(row).as("every row ends with CRLF").isEmpty();
        return rows;
    }
}
