package io.tollgate.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class UsageEventsPartitioningIntegrationTest {

    private static final String INSERT_EVENT = """
            insert into usage_events (id, occurred_at, tenant_id, app_id, api_key_id, endpoint, requested_model,
                                      prompt_tokens, completion_tokens, cost_usd, latency_ms, status_code)
            values (?, ?, ?, ?, ?, 'CHAT', 'gpt-4o-mini', ?, 7, 0.000003150000000, 12, 200)
            on conflict do nothing""";

    private static Connection connection;
    private static SchemaRows rows;

    @BeforeAll
    static void migrateAnEmptyDatabase() throws SQLException {
        connection = TestPostgres.instance().freshDatabase().migrate().connect();
        rows = new SchemaRows(connection);
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void a_retried_write_of_the_same_event_is_a_no_op() throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        UUID tenant = UUID.randomUUID();

        assertThat(rows.execute(INSERT_EVENT, id, at, tenant, UUID.randomUUID(), UUID.randomUUID(), 10)).isEqualTo(1);
        assertThat(rows.execute(INSERT_EVENT, id, at, tenant, UUID.randomUUID(), UUID.randomUUID(), 99)).isZero();

        assertThat(queryString("select count(*) || '/' || sum(prompt_tokens) from usage_events where id = '" + id + "'"))
                .isEqualTo("1/10");
    }

    @Test
    void the_current_month_has_its_own_partition_from_the_migration() throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        rows.execute(INSERT_EVENT, id, now, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 1);

        assertThat(partitionOf(id)).isEqualTo(monthPartition(now.toLocalDate()));
    }

    @Test
    void an_event_far_in_the_future_lands_in_the_default_partition_and_moves_into_its_month_when_created()
            throws SQLException {
        UUID id = UUID.randomUUID();
        OffsetDateTime farFuture = OffsetDateTime.parse("2091-07-15T10:30:00Z");
        rows.execute(INSERT_EVENT, id, farFuture, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 5);
        assertThat(partitionOf(id)).isEqualTo("usage_events_default");

        assertThat(queryString("select usage_events_ensure_partitions('2091-07-01', 2)")).isEqualTo("2");

        assertThat(partitionOf(id)).isEqualTo("usage_events_209107");
        assertThat(queryString("select count(*) from usage_events_default where id = '" + id + "'")).isEqualTo("0");
        assertThat(queryString("select usage_events_ensure_partitions('2091-07-01', 2)")).isEqualTo("0");
        assertThat(rows.execute(INSERT_EVENT, id, farFuture, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 5))
                .as("the retried write is still a no-op in the new partition").isZero();
    }

    private static String monthPartition(LocalDate day) {
        return "usage_events_%04d%02d".formatted(day.getYear(), day.getMonthValue());
    }

    private static String partitionOf(UUID id) throws SQLException {
        return queryString("select tableoid::regclass::text from usage_events where id = '" + id + "'");
    }

    private static String queryString(String sql) throws SQLException {
        try (var statement = connection.createStatement(); var result = statement.executeQuery(sql)) {
            assertThat(result.next()).as("a row from: " + sql).isTrue();
            return result.getString(1);
        }
    }
}
