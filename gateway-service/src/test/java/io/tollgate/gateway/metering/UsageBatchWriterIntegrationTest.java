package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.gateway.support.Seeder;
import io.tollgate.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The usage writer against PostgreSQL: every column as recorded, and a batch written again counts nothing twice. */
class UsageBatchWriterIntegrationTest {

    private static final DataSource DATABASE = TestPostgres.instance().shared().dataSource();
    private static final Seeder SEEDER = new Seeder(DATABASE);

    private final List<UsageEvent> booked = new ArrayList<>();
    private final UsageBatchWriter writer = new UsageBatchWriter(DATABASE, Clock.systemUTC(), List.of(new UsageListener() {
        @Override
        public void inserted(Connection connection, List<UsageEvent> inserted) {
            booked.addAll(inserted);
        }
    }));

    @Test
    void every_column_is_stored_as_recorded_text_with_tabs_backslashes_and_line_breaks_included() throws Exception {
        var key = key();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID provider = UUID.randomUUID();
        var event = new UsageEvent(EventIds.next(at), at, key.tenant(), key.app(), key.key(), "CHAT",
                "model\twith\\odd\ncharacters", "gpt-4o-modèle-日本-😀", provider, null, "gpt-4o-2024-08-06", null,
                1200, 300, 1024, 128, true, new BigDecimal("0.000004720000001"), 54, 41, 502, "stream\r\ninterrupted", true,
                "env=prod,team=a\\b,owner=Zoë", 17, 2, false);

        assertThat(writer.write(List.of(event))).isEqualTo(1);

        Map<String, Object> row = SEEDER.jdbc().sql("select * from usage_events where id = ?").param(event.id())
                .query().singleRow();
        assertThat(row).containsEntry("tenant_id", key.tenant()).containsEntry("app_id", key.app())
                .containsEntry("api_key_id", key.key()).containsEntry("requested_model", "model\twith\\odd\ncharacters")
                .containsEntry("served_model", "gpt-4o-modèle-日本-😀").containsEntry("provider_id", provider)
                .containsEntry("deployment_id", null).containsEntry("price_id", null)
                .containsEntry("upstream_model", "gpt-4o-2024-08-06").containsEntry("prompt_tokens", 1200)
                .containsEntry("completion_tokens", 300).containsEntry("cached_tokens", 1024)
                .containsEntry("reasoning_tokens", 128).containsEntry("usage_estimated", true)
                .containsEntry("latency_ms", 54).containsEntry("ttft_ms", 41).containsEntry("status_code", 502)
                .containsEntry("error_type", "stream\r\ninterrupted").containsEntry("streamed", true)
                .containsEntry("tags", "env=prod,team=a\\b,owner=Zoë").containsEntry("cache_write_tokens", 17)
                .containsEntry("cache_hit", false);
        assertThat((BigDecimal) row.get("cost_usd")).isEqualByComparingTo("0.000004720000001");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(2);
        assertThat(((java.sql.Timestamp) row.get("occurred_at")).toInstant()).isEqualTo(at);
    }

    @Test
    void a_batch_written_again_with_new_events_in_it_inserts_and_books_only_the_new_ones() throws Exception {
        var key = key();
        var first = events(key, 3);
        assertThat(writer.write(first)).isEqualTo(3);
        booked.clear();

        var again = new ArrayList<>(first);
        again.addAll(events(key, 2));

        assertThat(writer.write(again)).isEqualTo(2);
        assertThat(booked).containsExactlyElementsOf(again.subList(3, 5));
        assertThat(SEEDER.jdbc().sql("select count(*) from usage_events where api_key_id = ?").param(key.key())
                .query(Integer.class).single()).isEqualTo(5);
        assertThat(writer.write(again)).as("all of it written before").isZero();
    }

    @Test
    void a_batch_copied_and_one_inserted_agree_on_every_time_to_the_nanosecond_so_a_replay_counts_nothing_twice()
            throws Exception {
        var key = key();
        var copied = events(key, instants(0));
        assertThat(writer.write(copied)).isEqualTo(copied.size());
        assertThat(writer.write(copied)).as("replayed through the insert, which reads each time as text").isZero();

        var inserted = events(key, instants(1));
        var withOneWritten = new ArrayList<>(inserted);
        withOneWritten.add(copied.getFirst());
        assertThat(writer.write(withOneWritten)).as("the copy fails on the one written; the insert adds the rest")
                .isEqualTo(inserted.size());
        assertThat(writer.write(inserted)).as("copied again, its rows found by the times the insert stored").isZero();
        assertThat(SEEDER.jdbc().sql("select count(*) from usage_events where api_key_id = ?").param(key.key())
                .query(Integer.class).single()).isEqualTo(copied.size() + inserted.size());
    }

    @Test
    void a_cost_is_stored_as_postgresql_reads_it_from_text_in_the_column_s_scale() throws Exception {
        var key = key();
        List<BigDecimal> costs = List.of(new BigDecimal("0"), new BigDecimal("0E-15"), new BigDecimal("1"),
                new BigDecimal("10000"), new BigDecimal("1E+3"), new BigDecimal("0.0001"), new BigDecimal("0.00001"),
                new BigDecimal("0.000000000000001"), new BigDecimal("100000000.5"),
                new BigDecimal("12345.678901234567890123"), new BigDecimal("0.0000000000000005"),
                new BigDecimal("9999999999999.999999999999999"), new BigDecimal("1234567890123.000000000000001"),
                new BigDecimal("0.000472000000010000"));
        Instant now = Instant.now();
        List<UsageEvent> events = new ArrayList<>();
        for (BigDecimal cost : costs) {
            events.add(event(key, EventIds.next(now), now, cost));
        }

        assertThat(writer.write(events)).isEqualTo(costs.size());

        for (UsageEvent event : events) {
            BigDecimal stored = SEEDER.jdbc().sql("select cost_usd from usage_events where id = ?").param(event.id())
                    .query(BigDecimal.class).single();
            BigDecimal fromText = SEEDER.jdbc().sql("select cast(cast(? as text) as numeric(28, 15))")
                    .param(event.costUsd().toPlainString()).query(BigDecimal.class).single();
            assertThat(stored).as("cost %s", event.costUsd().toPlainString()).isEqualTo(fromText);
        }
    }

    @Test
    void a_table_changed_by_a_newer_migration_still_takes_the_events_through_the_insert() throws Exception {
        var database = TestPostgres.instance().freshDatabase().migrate();
        DataSource newer = database.dataSource();
        var seeder = new Seeder(newer);
        UUID tenant = seeder.tenant();
        UUID app = seeder.app(tenant);
        var key = new Key(tenant, app, seeder.key(tenant, app, null).id());
        seeder.jdbc().sql("alter table usage_events alter column attempts type integer").update();
        var olderWriter = new UsageBatchWriter(newer, Clock.systemUTC(), List.of());
        var batch = events(key, 3);

        assertThat(olderWriter.write(batch)).isEqualTo(3);
        assertThat(olderWriter.write(batch)).as("written before").isZero();
        assertThat(seeder.jdbc().sql("select count(*) from usage_events where attempts = 1").query(Integer.class)
                .single()).isEqualTo(3);
    }

    @Test
    void an_event_with_a_value_its_column_cannot_hold_fails_its_batch_as_a_refused_row_does_and_writes_nothing() {
        var key = key();
        Instant now = Instant.now();
        var fine = event(key, EventIds.next(now), now, new BigDecimal("0.00001"));
        var tooManyAttempts = new UsageEvent(EventIds.next(now), now, key.tenant(), key.app(), key.key(), "CHAT",
                "mock-gpt", null, null, null, null, null, 10, 20, 0, 0, false, BigDecimal.ONE, 5, null, 200, null,
                false, "", 0, 40_000, false);

        assertThatThrownBy(() -> writer.write(List.of(fine, tooManyAttempts))).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).asString().as("a data exception").startsWith("22");
        assertThat(SEEDER.jdbc().sql("select count(*) from usage_events where api_key_id = ?").param(key.key())
                .query(Integer.class).single()).isZero();
        assertThat(booked).isEmpty();
    }

    /** Times with every kind of sub-microsecond part: none, exactly half a microsecond, one that carries a second. */
    private static List<Instant> instants(long seed) {
        var random = new java.util.Random(seed);
        long second = Instant.now().getEpochSecond() - 60;
        List<Instant> instants = new ArrayList<>();
        for (int nano : new int[] {0, 500, 1_500, 2_500, 999_999_500, 999_999_499, 999_999_999, 123_456_500,
                123_457_500, 1, 499, 501}) {
            instants.add(Instant.ofEpochSecond(second, nano));
        }
        for (int i = 0; i < 200; i++) {
            int subMicro = i % 2 == 0 ? 500 : random.nextInt(1000);
            instants.add(Instant.ofEpochSecond(second + i, random.nextInt(1_000_000) * 1_000L + subMicro));
        }
        return instants;
    }

    private static List<UsageEvent> events(Key key, List<Instant> instants) {
        return instants.stream().map(at -> event(key, EventIds.next(at), at, new BigDecimal("0.00001"))).toList();
    }

    private static UsageEvent event(Key key, UUID id, Instant at, BigDecimal cost) {
        return new UsageEvent(id, at, key.tenant(), key.app(), key.key(), "CHAT", "mock-gpt", null, null, null, null,
                null, 10, 20, 0, 0, false, cost, 5, null, 200, null, false, "");
    }

    private record Key(UUID tenant, UUID app, UUID key) {
    }

    private static Key key() {
        UUID tenant = SEEDER.tenant();
        UUID app = SEEDER.app(tenant);
        return new Key(tenant, app, SEEDER.key(tenant, app, null).id());
    }

    private static List<UsageEvent> events(Key key, int count) {
        Instant now = Instant.now();
        List<UsageEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(event(key, EventIds.next(now), now, new BigDecimal("0.00001")));
        }
        return events;
    }
}
