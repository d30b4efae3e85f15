package io.tollgate.billing.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.billing.BillingIntegrationTest;
import io.tollgate.billing.Http;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class MonthCloseIntegrationTest extends BillingIntegrationTest {

    @Autowired
    MonthClose monthClose;

    @Autowired
    Invoices invoices;

    @Autowired
    InvoiceLifecycle lifecycle;

    @Test
    void invoice_has_a_line_per_app_and_model_and_its_total_is_the_metered_cost_with_markup_rounded_once() {
        UUID tenant = data.tenant(data.plan("3"), "12.5");
        UUID chat = data.app(tenant, "chat");
        UUID search = data.app(tenant, "search");
        data.events(tenant, chat, "gpt-4o", 333, Instant.parse("2032-01-03T10:00:00Z"), "0.000123456789012345");
        data.events(tenant, chat, "gpt-4o-mini", 77, Instant.parse("2032-01-09T10:00:00Z"), "0.000000333333333333");
        data.events(tenant, search, "gpt-4o", 501, Instant.parse("2032-01-31T23:59:59Z"), "0.000007777777777777");
        data.events(tenant, search, "embed-3", 1, Instant.parse("2032-01-20T10:00:00Z"), "0.004999999999999999");
        rollup.catchUp();
        clock.set("2032-02-01T00:05:00Z");

        monthClose.close(YearMonth.of(2032, 1), true);

        InvoiceDetails invoice = invoiceOf(tenant, "2032-01-01");
        assertThat(invoice.status()).isEqualTo("FINALIZED");
        assertThat(invoice.number()).matches("TG-2032-\\d{6}");
        assertThat(invoice.periodEnd()).isEqualTo(LocalDate.parse("2032-02-01"));
        BigDecimal exact = data.eventCost(tenant);
        assertThat(invoice.meteredCostUsd()).isEqualByComparingTo(exact);
        assertThat(invoice.markupPercent()).isEqualByComparingTo("12.5");
        assertThat(invoice.subtotalUsd()).isEqualByComparingTo(exact.setScale(2, RoundingMode.HALF_EVEN));
        assertThat(invoice.totalUsd()).isEqualByComparingTo(
                exact.multiply(new BigDecimal("1.125")).setScale(2, RoundingMode.HALF_EVEN));
        assertThat(invoice.lines().stream().map(InvoiceDetails.Line::amountUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(invoice.totalUsd());
        assertThat(invoice.lines()).extracting(InvoiceDetails.Line::kind)
                .containsExactly("USAGE", "USAGE", "USAGE", "USAGE", "MARKUP");
        InvoiceDetails.Line searchGpt4o = invoice.lines().stream()
                .filter(line -> search.equals(line.appId()) && "gpt-4o".equals(line.model())).findFirst().orElseThrow();
        assertThat(searchGpt4o.requests()).isEqualTo(501);
        assertThat(searchGpt4o.meteredCostUsd()).isEqualByComparingTo(jdbc.sql(
                        "select sum(cost_usd) from usage_events where app_id = :app and served_model = 'gpt-4o'")
                .param("app", search).query(BigDecimal.class).single());
    }

    @Test
    void rerunning_month_close_changes_nothing() {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "app");
        data.events(tenant, app, "gpt-4o", 40, Instant.parse("2032-03-10T10:00:00Z"), "0.0123");
        rollup.catchUp();
        clock.set("2032-04-01T00:05:00Z");
        monthClose.close(YearMonth.of(2032, 3), true);
        List<Map<String, Object>> before = invoiceRows(tenant);

        MonthClose.Result rerun = monthClose.close(YearMonth.of(2032, 3), true);

        assertThat(invoiceRows(tenant)).isEqualTo(before);
        assertThat(rerun.created()).isZero();
    }

    @Test
    void events_arriving_after_finalization_are_billed_once_as_an_adjustment_on_the_next_invoice() {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "app");
        data.eventsCosting(tenant, app, "gpt-4o", 10, Instant.parse("2032-05-20T10:00:00Z"), "0.1");
        rollup.catchUp();
        clock.set("2032-06-01T00:05:00Z");
        monthClose.close(YearMonth.of(2032, 5), true);
        InvoiceDetails may = invoiceOf(tenant, "2032-05-01");

        data.eventsCosting(tenant, app, "gpt-4o", 3, Instant.parse("2032-05-31T23:00:00Z"), "0.01");
        data.eventsCosting(tenant, app, "gpt-4o", 2, Instant.parse("2032-06-02T10:00:00Z"), "1");
        rollup.catchUp();
        monthClose.close(YearMonth.of(2032, 5), true);
        clock.set("2032-07-01T00:05:00Z");
        monthClose.close(YearMonth.of(2032, 6), true);
        monthClose.close(YearMonth.of(2032, 6), true);

        assertThat(invoiceOf(tenant, "2032-05-01")).isEqualTo(may);
        InvoiceDetails june = invoiceOf(tenant, "2032-06-01");
        assertThat(june.lines()).extracting(InvoiceDetails.Line::kind).containsExactly("USAGE", "ADJUSTMENT");
        InvoiceDetails.Line adjustment = june.lines().get(1);
        assertThat(adjustment.requests()).isEqualTo(3);
        assertThat(adjustment.description()).startsWith("Late usage of 2032-05");
        assertThat(adjustment.amountUsd()).isEqualByComparingTo("0.03");
        assertThat(may.totalUsd().add(june.totalUsd())).isEqualByComparingTo(data.eventCost(tenant));
    }

    @Test
    void a_finalized_invoice_cannot_be_changed_even_in_sql() {
        UUID tenant = data.tenant(data.plan("0"), "-10");
        UUID app = data.app(tenant, "app");
        data.eventsCosting(tenant, app, "gpt-4o", 1, Instant.parse("2032-08-20T10:00:00Z"), "10");
        rollup.catchUp();
        clock.set("2032-09-01T00:05:00Z");
        monthClose.close(YearMonth.of(2032, 8), true);
        InvoiceDetails invoice = invoiceOf(tenant, "2032-08-01");

        assertThat(invoice.lines()).extracting(InvoiceDetails.Line::kind).containsExactly("USAGE", "DISCOUNT");
        assertThat(invoice.totalUsd()).isEqualByComparingTo("9.00");
        assertThatThrownBy(() -> jdbc.sql("update invoice_lines set amount_usd = 0 where invoice_id = :id")
                .param("id", invoice.id()).update()).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("update invoices set total_usd = 1 where id = :id")
                .param("id", invoice.id()).update()).hasMessageContaining("cannot be changed");
    }

    @Test
    void invoice_numbers_are_sequential_per_year_without_gaps_even_after_a_rollback() {
        clock.set("2033-01-01T00:05:00Z");
        List<UUID> tenants = List.of(data.tenant(), data.tenant(), data.tenant());
        for (UUID tenant : tenants) {
            data.events(tenant, data.app(tenant, "app"), "gpt-4o", 2, Instant.parse("2032-12-05T10:00:00Z"), "0.5");
        }
        rollup.catchUp();
        monthClose.close(YearMonth.of(2032, 12), false);
        List<UUID> drafts = tenants.stream().map(t -> invoiceOf(t, "2032-12-01").id()).toList();

        // a draft whose lines no longer add up to its total: its finalization takes a number, then rolls back
        jdbc.sql("update invoices set total_usd = total_usd + 1 where id = :id").param("id", drafts.get(0)).update();
        assertThatThrownBy(() -> lifecycle.finalizeInvoice(drafts.get(0))).hasMessageContaining("do not add up");
        jdbc.sql("update invoices set total_usd = total_usd - 1 where id = :id").param("id", drafts.get(0)).update();
        List<String> numbers = drafts.stream().map(lifecycle::finalizeInvoice).toList();

        assertThat(numbers).containsExactly("TG-2033-000001", "TG-2033-000002", "TG-2033-000003");
    }

    @Test
    void a_voided_invoice_releases_its_usage_to_a_new_invoice() {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "app");
        data.eventsCosting(tenant, app, "gpt-4o", 4, Instant.parse("2032-10-10T10:00:00Z"), "0.25");
        rollup.catchUp();
        clock.set("2032-11-01T00:05:00Z");
        monthClose.close(YearMonth.of(2032, 10), true);
        InvoiceDetails first = invoiceOf(tenant, "2032-10-01");

        lifecycle.voidInvoice(first.id(), "billed to the wrong cost centre");
        monthClose.close(YearMonth.of(2032, 10), true);

        InvoiceDetails second = invoiceOf(tenant, "2032-10-01");
        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.totalUsd()).isEqualByComparingTo("1.00");
        assertThat(invoices.find(first.id()).orElseThrow().status()).isEqualTo("VOID");
    }

    @Test
    void a_close_started_over_the_api_bills_the_events_of_the_last_seconds_before_it() {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "app");
        data.eventsCosting(tenant, app, "gpt-4o", 5, Instant.parse("2031-06-12T10:00:00Z"), "0.2");
        rollup.catchUp();
        data.eventsCosting(tenant, app, "gpt-4o", 3, Instant.parse("2031-06-30T23:59:58Z"), "1");
        clock.set("2031-07-01T00:00:02Z");

        String finance = data.user("FINANCE", null, null);
        HttpResponse<byte[]> close = new Http(port).post("/api/v1/billing/month-close", finance,
                "{\"period\":\"2031-06\"}");

        assertThat(close.statusCode()).isEqualTo(200);
        InvoiceDetails june = invoiceOf(tenant, "2031-06-01");
        assertThat(june.lines()).extracting(InvoiceDetails.Line::requests).containsExactly(8L);
        assertThat(june.meteredCostUsd()).isEqualByComparingTo("4");
    }

    @Test
    void a_finalized_invoice_its_lines_and_its_consumption_cannot_be_deleted_in_sql() {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "app");
        data.eventsCosting(tenant, app, "gpt-4o", 2, Instant.parse("2031-08-20T10:00:00Z"), "1");
        rollup.catchUp();
        clock.set("2031-09-01T00:05:00Z");
        monthClose.close(YearMonth.of(2031, 8), true);
        UUID id = invoiceOf(tenant, "2031-08-01").id();
        List<Map<String, Object>> before = invoiceRows(tenant);

        assertThatThrownBy(() -> jdbc.sql("delete from invoices where id = :id").param("id", id).update())
                .hasMessageContaining("cannot be deleted");
        assertThatThrownBy(() -> jdbc.sql("delete from invoice_lines where invoice_id = :id").param("id", id).update())
                .hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("delete from invoice_consumption where invoice_id = :id").param("id", id)
                .update()).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("update invoice_consumption set requests = 0 where invoice_id = :id")
                .param("id", id).update()).hasMessageContaining("cannot be changed");
        assertThatThrownBy(() -> jdbc.sql("truncate invoices, invoice_lines, invoice_consumption").update())
                .hasMessageContaining("cannot be truncated");
        lifecycle.voidInvoice(id, "duplicate");
        assertThatThrownBy(() -> jdbc.sql("delete from invoices where id = :id").param("id", id).update())
                .hasMessageContaining("is VOID and cannot be deleted");

        assertThat(invoiceRows(tenant)).hasSameSizeAs(before);
        assertThat(jdbc.sql("select count(*) from invoice_consumption where invoice_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void a_draft_may_still_be_deleted_with_its_lines_and_consumption() {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "app");
        data.eventsCosting(tenant, app, "gpt-4o", 2, Instant.parse("2031-10-20T10:00:00Z"), "1");
        rollup.catchUp();
        clock.set("2031-11-01T00:05:00Z");
        monthClose.close(YearMonth.of(2031, 10), false);
        UUID draft = invoiceOf(tenant, "2031-10-01").id();

        assertThat(jdbc.sql("delete from invoices where id = :id").param("id", draft).update()).isEqualTo(1);

        assertThat(jdbc.sql("select count(*) from invoice_lines where invoice_id = :id").param("id", draft)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from invoice_consumption where invoice_id = :id").param("id", draft)
                .query(Long.class).single()).isZero();
    }

    @Test
    void numbers_and_finalization_times_agree_in_order_when_finalizations_race() throws Exception {
        clock.set("2041-02-01T00:05:00Z");
        List<UUID> tenants = List.of(data.tenant(), data.tenant());
        for (UUID tenant : tenants) {
            data.events(tenant, data.app(tenant, "app"), "gpt-4o", 2, Instant.parse("2041-01-05T10:00:00Z"), "0.5");
        }
        rollup.catchUp();
        monthClose.close(YearMonth.of(2041, 1), false);
        UUID first = invoiceOf(tenants.get(0), "2041-01-01").id();
        UUID second = invoiceOf(tenants.get(1), "2041-01-01").id();
        CountDownLatch readTheClock = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);

        try (ExecutorService racer = Executors.newSingleThreadExecutor()) {
            Future<String> slow = racer.submit(() -> {
                clock.holdNextRead(Thread.currentThread(), readTheClock, goOn);
                return lifecycle.finalizeInvoice(first);
            });
            assertThat(readTheClock.await(10, TimeUnit.SECONDS)).isTrue();
            clock.advance(Duration.ofMinutes(1));
            String fast = lifecycle.finalizeInvoice(second);
            goOn.countDown();

            assertThat(List.of(fast, slow.get(10, TimeUnit.SECONDS)))
                    .containsExactly("TG-2041-000001", "TG-2041-000002");
        }
        List<OffsetDateTime> timesInNumberOrder = jdbc.sql("""
                        select finalized_at from invoices where number like 'TG-2041-%' order by number""")
                .query(OffsetDateTime.class).list();
        assertThat(timesInNumberOrder).hasSize(2).isSortedAccordingTo(OffsetDateTime::compareTo);
    }

    private InvoiceDetails invoiceOf(UUID tenant, String periodStart) {
        UUID id = jdbc.sql("select id from invoices where tenant_id = :t and period_start = :p and status <> 'VOID'")
                .param("t", tenant).param("p", LocalDate.parse(periodStart)).query(UUID.class).single();
        return invoices.find(id).orElseThrow();
    }

    private List<Map<String, Object>> invoiceRows(UUID tenant) {
        return jdbc.sql("""
                        select i.*, l.line_no, l.amount_usd as line_amount, l.metered_cost_usd as line_cost
                        from invoices i join invoice_lines l on l.invoice_id = i.id
                        where i.tenant_id = :t order by i.period_start, l.line_no""")
                .param("t", tenant).query().listOfRows();
    }
}
