package io.tollgate.billing.bench;

import io.tollgate.billing.BillingApplication;
import io.tollgate.billing.invoicing.MonthClose;
import io.tollgate.billing.rollup.RollupResult;
import io.tollgate.billing.rollup.UsageRollup;
import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rolls up and invoices generated usage with the real billing code: N usage events for T tenants (2 apps, 3 models,
 * 2 tag sets each, spread over one month) are generated straight into PostgreSQL, then the rollup and the month
 * close run as in production, and the results are checked against the events to the last digit.
 * Run through bench/billing-bench.sh; not part of the test run. With {@code -Dbench.hold=true} it keeps the database
 * (and its embedded PostgreSQL) running afterwards, for EXPLAIN ANALYZE.
 */
public final class BillingBenchmark {

    private static final YearMonth MONTH = YearMonth.of(2026, 10);

    public static void main(String[] args) throws InterruptedException {
        long events = Long.parseLong(System.getProperty("bench.events", "10000000"));
        int tenants = Integer.parseInt(System.getProperty("bench.tenants", "1000"));
        TestDatabase database = TestPostgres.instance().freshDatabase();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BillingApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run("--spring.datasource.url=" + database.jdbcUrl(),
                        "--spring.datasource.username=" + database.username(),
                        "--spring.datasource.password=" + database.password(),
                        "--server.port=0", "--management.server.port=0", "--tollgate.secrets.dev-defaults=true",
                        "--tollgate.billing.jobs.enabled=false",
                        "--tollgate.billing.rollup.safety-lag=0s",
                        "--tollgate.billing.stripe.api-key=",
                        "--logging.level.root=WARN")) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            print("PostgreSQL", jdbc.sql("select version()").query(String.class).single());
            seedTenants(jdbc, tenants);

            long started = System.nanoTime();
            generateEvents(jdbc, events, tenants);
            Duration generation = since(started);
            print("events generated", "%,d in %s (%,.0f events/s)".formatted(events, seconds(generation),
                    perSecond(events, generation)));

            started = System.nanoTime();
            List<RollupResult> steps = context.getBean(UsageRollup.class).catchUp();
            Duration rollup = since(started);
            long folded = steps.stream().mapToLong(RollupResult::events).sum();
            print("rollup", "%,d events in %s = %,.0f events/s (%d step(s), %,d usage_daily rows)".formatted(folded,
                    seconds(rollup), perSecond(folded, rollup), steps.size(),
                    jdbc.sql("select count(*) from usage_daily").query(Long.class).single()));

            started = System.nanoTime();
            MonthClose.Result close = context.getBean(MonthClose.class).close(MONTH, true);
            Duration monthClose = since(started);
            print("month close", "%d tenants in %s (%s)".formatted(close.created(), seconds(monthClose), close));

            check(jdbc, events, folded, tenants, close);
            if (Boolean.getBoolean("bench.hold")) {
                System.out.println("Holding the database for EXPLAIN ANALYZE: " + database.jdbcUrl()
                        + " (user " + database.username() + "); stop with Ctrl+C");
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }

    private static void seedTenants(JdbcClient jdbc, int tenants) {
        jdbc.sql("insert into plans (id, code, name, markup_percent) values (gen_random_uuid(), 'bench', 'Bench', 7.5)")
                .update();
        jdbc.sql("""
                        insert into tenants (id, slug, name, plan_id, markup_percent)
                        select gen_random_uuid(), 'bench-' || t, 'Bench tenant ' || t, (select id from plans where code = 'bench'),
                               case when t % 10 = 0 then -5 end
                        from generate_series(1, :tenants) t""")
                .param("tenants", tenants).update();
        jdbc.sql("""
                        create table bench_apps as
                        select (row_number() over (order by t.slug, a) - 1)::int as n, t.id as tenant_id,
                               gen_random_uuid() as app_id, 'app-' || a as name
                        from tenants t, generate_series(1, 2) a""").update();
        jdbc.sql("insert into apps (id, tenant_id, name) select app_id, tenant_id, name from bench_apps").update();
        jdbc.sql("create unique index on bench_apps (n)").update();
    }

    /** In chunks of a million, so the generation prints progress and no statement holds everything. */
    private static void generateEvents(JdbcClient jdbc, long events, int tenants) {
        long chunk = 1_000_000;
        for (long first = 1; first <= events; first += chunk) {
            jdbc.sql("""
                            insert into usage_events (id, occurred_at, ingested_at, tenant_id, app_id, api_key_id, endpoint,
                                requested_model, served_model, prompt_tokens, completion_tokens, cached_tokens,
                                reasoning_tokens, cost_usd, latency_ms, status_code, tags)
                            select uuidv7(),
                                   timestamptz '2026-10-01 00:00:00+00' + make_interval(secs => (i * 7919) % 2678400),
                                   clock_timestamp(), a.tenant_id, a.app_id, a.app_id, 'CHAT',
                                   m.model, m.model, 50 + i % 2000, 10 + i % 500, i % 50, 0,
                                   (50 + i % 2000) * m.input_per_token + (10 + i % 500) * m.output_per_token,
                                   20 + i % 300, case when i % 50 = 0 then 429 else 200 end,
                                   case when i % 3 = 0 then 'team-a' else '' end
                            from generate_series(:first, :last) i
                            join bench_apps a on a.n = i % (2 * :tenants)
                            join (values (0, 'gpt-4o', 0.0000025, 0.00001), (1, 'gpt-4o-mini', 0.00000015, 0.0000006),
                                         (2, 'claude-sonnet', 0.000003, 0.000015))
                                 as m(k, model, input_per_token, output_per_token) on m.k = (i / 7) % 3""")
                    .param("first", first).param("last", Math.min(events, first + chunk - 1)).param("tenants", tenants)
                    .update();
            System.out.printf("  ... %,d events%n", Math.min(events, first + chunk - 1));
        }
        jdbc.sql("analyze usage_events").update();
    }

    private static void check(JdbcClient jdbc, long events, long folded, int tenants, MonthClose.Result close) {
        BigDecimal eventCost = jdbc.sql("select sum(cost_usd) from usage_events").query(BigDecimal.class).single();
        BigDecimal dailyCost = jdbc.sql("select sum(cost_usd) from usage_daily").query(BigDecimal.class).single();
        BigDecimal invoiced = jdbc.sql("select sum(metered_cost_usd) from invoices where status = 'FINALIZED'")
                .query(BigDecimal.class).single();
        long mismatched = jdbc.sql("""
                        select count(*) from invoices i
                        where i.total_usd <> (select sum(amount_usd) from invoice_lines l where l.invoice_id = i.id)""")
                .query(Long.class).single();
        boolean ok = folded == events && eventCost.compareTo(dailyCost) == 0 && eventCost.compareTo(invoiced) == 0
                && close.created() == tenants && close.failed() == 0 && mismatched == 0;
        print("check", "events folded %,d of %,d; cost events %s = usage_daily %s = invoiced %s; %d invoices whose lines do not add up: %s"
                .formatted(folded, events, eventCost.toPlainString(), dailyCost.toPlainString(), invoiced.toPlainString(),
                        mismatched, ok ? "OK" : "FAILED"));
        if (!ok) {
            System.exit(1);
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static String seconds(Duration duration) {
        return "%.1f s".formatted(duration.toMillis() / 1000.0);
    }

    private static double perSecond(long count, Duration duration) {
        return count / (duration.toNanos() / 1e9);
    }

    private static void print(String what, String value) {
        System.out.printf("%-18s %s%n", what, value);
    }

    private BillingBenchmark() {
    }
}
