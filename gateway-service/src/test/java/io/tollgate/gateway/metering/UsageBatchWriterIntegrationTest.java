package io.tollgate.gateway.metering;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.Seeder;
import io.tollgate.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
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
            events.add(new UsageEvent(EventIds.next(now), now, key.tenant(), key.app(), key.key(), "CHAT", "mock-gpt",
                    null, null, null, null, null, 10, 20, 0, 0, false, new BigDecimal("0.00001"), 5, null, 200, null,
                    false, ""));
        }
        return events;
    }
}
