package io.tollgate.billing.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.billing.BillingIntegrationTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class UsageRollupIntegrationTest extends BillingIntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void daily_rollup_totals_equal_the_events_exactly() {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "chat");
        data.events(tenant, app, "gpt-4o-mini", 1000, Instant.parse("2030-01-03T10:00:00Z"), "0.000000123456789012");
        data.events(tenant, app, "gpt-4o", 250, Instant.parse("2030-01-03T23:59:59Z"), "0.001");
        data.events(tenant, app, "gpt-4o", 10, Instant.parse("2030-01-04T00:00:00Z"), "0.5");

        rollup.catchUp();

        Map<String, Object> daily = jdbc.sql("""
                        select sum(requests) as requests, sum(error_count) as errors, sum(prompt_tokens) as prompt,
                               sum(completion_tokens) as completion, sum(cached_tokens) as cached, sum(cost_usd) as cost,
                               count(distinct day) as days
                        from usage_daily where tenant_id = :tenant""").param("tenant", tenant).query().singleRow();
        Map<String, Object> events = jdbc.sql("""
                        select count(*) as requests, count(*) filter (where status_code >= 400) as errors,
                               sum(prompt_tokens) as prompt, sum(completion_tokens) as completion,
                               sum(cached_tokens) as cached, sum(cost_usd) as cost
                        from usage_events where tenant_id = :tenant""").param("tenant", tenant).query().singleRow();
        assertThat(((Number) daily.get("requests")).longValue()).isEqualTo(1260);
        assertThat(((Number) daily.get("errors")).longValue()).isEqualTo(((Number) events.get("errors")).longValue());
        assertThat(((Number) daily.get("prompt")).longValue()).isEqualTo(((Number) events.get("prompt")).longValue());
        assertThat(((Number) daily.get("completion")).longValue())
                .isEqualTo(((Number) events.get("completion")).longValue());
        assertThat(((Number) daily.get("cached")).longValue()).isEqualTo(((Number) events.get("cached")).longValue());
        assertThat((BigDecimal) daily.get("cost")).isEqualByComparingTo((BigDecimal) events.get("cost"));
        assertThat(((Number) daily.get("days")).intValue()).isEqualTo(2);
        assertThat(jdbc.sql("select count(distinct tags) from usage_daily where tenant_id = :t").param("t", tenant)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void rerunning_the_rollup_changes_nothing() {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "batch");
        data.events(tenant, app, "gpt-4o-mini", 300, Instant.parse("2030-01-05T08:00:00Z"), "0.0000031");
        rollup.catchUp();
        List<Map<String, Object>> before = dailyRows(tenant);

        rollup.catchUp();
        rollup.step();

        assertThat(dailyRows(tenant)).isEqualTo(before);
    }

    @Test
    void an_event_arriving_after_its_day_was_rolled_up_is_counted_once() {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "late");
        data.events(tenant, app, "gpt-4o-mini", 5, Instant.parse("2030-01-06T08:00:00Z"), "0.01");
        rollup.catchUp();

        data.events(tenant, app, "gpt-4o-mini", 1, Instant.parse("2030-01-06T09:00:00Z"), "0.07");
        rollup.catchUp();
        rollup.catchUp();

        assertThat(jdbc.sql("select sum(requests) from usage_daily where tenant_id = :t and day = '2030-01-06'")
                .param("t", tenant).query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select sum(cost_usd) from usage_daily where tenant_id = :t").param("t", tenant)
                .query(BigDecimal.class).single()).isEqualByComparingTo(data.eventCost(tenant));
    }

    @Test
    void an_event_committed_after_a_later_one_is_not_skipped_by_the_watermark() throws Exception {
        UUID tenant = data.tenant();
        UUID app = data.app(tenant, "slow-writer");
        try (Connection slowWriter = dataSource.getConnection()) {
            slowWriter.setAutoCommit(false);
            try (var insert = slowWriter.prepareStatement("""
                    insert into usage_events (id, occurred_at, tenant_id, app_id, api_key_id, endpoint, requested_model,
                                              cost_usd, latency_ms, status_code)
                    values (gen_random_uuid(), '2030-01-07T10:00:00Z', ?, ?, ?, 'CHAT', 'gpt-4o', 0.25, 10, 200)""")) {
                insert.setObject(1, tenant);
                insert.setObject(2, app);
                insert.setObject(3, app);
                insert.executeUpdate();
            }
            data.events(tenant, app, "gpt-4o", 1, Instant.parse("2030-01-07T10:00:01Z"), "0.5");

            rollup.catchUp();
            slowWriter.commit();
        }
        rollup.catchUp();

        assertThat(jdbc.sql("select sum(requests) from usage_daily where tenant_id = :t").param("t", tenant)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select sum(cost_usd) from usage_daily where tenant_id = :t").param("t", tenant)
                .query(BigDecimal.class).single()).isEqualByComparingTo("1.25");
    }

    private List<Map<String, Object>> dailyRows(UUID tenant) {
        return jdbc.sql("""
                        select day, app_id, model, tags, requests, error_count, prompt_tokens, completion_tokens,
                               cached_tokens, reasoning_tokens, cost_usd, updated_at
                        from usage_daily where tenant_id = :t order by day, model, tags""")
                .param("t", tenant).query().listOfRows();
    }
}
