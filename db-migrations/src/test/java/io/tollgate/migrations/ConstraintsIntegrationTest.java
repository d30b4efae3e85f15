package io.tollgate.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema itself refuses rows the domain forbids, whatever code writes them. */
class ConstraintsIntegrationTest {

    private static final String CHECK_VIOLATION = "23514";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

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
    void negative_prices_are_rejected() throws SQLException {
        UUID model = rows.model();
        String insert = "insert into prices (id, model_id, effective_from, input_per_million, output_per_million,"
                + " cached_input_per_million) values (?, ?, ?, ?, ?, ?)";
        OffsetDateTime from = OffsetDateTime.parse("2026-01-01T00:00:00Z");

        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), model, from, -0.01, 1, 0));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), model, from, 1, -1, 0));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), model, from, 1, 1, -0.000000001));
        assertThat(rows.execute(insert, UUID.randomUUID(), model, from, 0.15, 0.6, 0.075)).isEqualTo(1);
    }

    @Test
    void budgets_must_be_positive_and_usage_costs_not_negative() throws SQLException {
        UUID tenant = rows.tenant();

        assertRejected(CHECK_VIOLATION, () -> rows.execute(
                "insert into budgets (id, tenant_id, scope, amount_usd) values (?, ?, 'TENANT', 0)",
                UUID.randomUUID(), tenant));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(
                "insert into budgets (id, tenant_id, scope, amount_usd) values (?, ?, 'TENANT', -5)",
                UUID.randomUUID(), tenant));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(
                "insert into usage_events (id, occurred_at, tenant_id, app_id, api_key_id, endpoint, requested_model,"
                        + " cost_usd, latency_ms, status_code) values (?, now(), ?, ?, ?, 'CHAT', 'm', -0.000001, 5, 200)",
                UUID.randomUUID(), tenant, UUID.randomUUID(), UUID.randomUUID()));
    }

    @Test
    void unknown_statuses_are_rejected() throws SQLException {
        UUID tenant = rows.tenant();
        UUID app = rows.app(tenant);
        UUID model = rows.model();

        assertRejected(CHECK_VIOLATION, () -> rows.execute(
                "update tenants set status = 'DELETED' where id = ?", tenant));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(
                "insert into subscriptions (id, tenant_id, app_id, model_id, status) values (?, ?, ?, ?, 'ACTIVE')",
                UUID.randomUUID(), tenant, app, model));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(
                "insert into invoices (id, tenant_id, period_start, period_end, status)"
                        + " values (?, ?, '2026-01-01', '2026-02-01', 'OPEN')", UUID.randomUUID(), tenant));
    }

    @Test
    void a_second_live_subscription_for_the_same_app_and_model_is_rejected_but_a_rejected_one_may_coexist()
            throws SQLException {
        UUID tenant = rows.tenant();
        UUID app = rows.app(tenant);
        UUID model = rows.model();
        String pending = "insert into subscriptions (id, tenant_id, app_id, model_id, status) values (?, ?, ?, ?, 'PENDING')";
        String decided = "insert into subscriptions (id, tenant_id, app_id, model_id, status, decided_at)"
                + " values (?, ?, ?, ?, ?, now())";

        rows.execute(decided, UUID.randomUUID(), tenant, app, model, "REJECTED");
        rows.execute(pending, UUID.randomUUID(), tenant, app, model);

        assertRejected(UNIQUE_VIOLATION, () -> rows.execute(pending, UUID.randomUUID(), tenant, app, model));
        assertRejected(UNIQUE_VIOLATION, () -> rows.execute(decided, UUID.randomUUID(), tenant, app, model, "APPROVED"));
        assertThat(rows.execute(decided, UUID.randomUUID(), tenant, app, model, "REJECTED")).isEqualTo(1);
    }

    @Test
    void a_key_cannot_point_at_another_tenants_app() throws SQLException {
        UUID tenant = rows.tenant();
        UUID otherTenantsApp = rows.app(rows.tenant());

        assertRejected(FOREIGN_KEY_VIOLATION, () -> rows.apiKey(tenant, otherTenantsApp));
        assertThat(rows.apiKey(tenant, rows.app(tenant))).isNotNull();
    }

    @Test
    void malformed_key_prefixes_and_hashes_are_rejected() throws SQLException {
        UUID tenant = rows.tenant();
        UUID app = rows.app(tenant);
        String insert = "insert into api_keys (id, tenant_id, app_id, name, prefix, secret_hash) values (?, ?, ?, 'k', ?, ?)";

        for (String prefix : new String[] {"tg_short", "sk_abcdefgh", "tg_abcdefgh1", "tg_abc-efgh", "TG_abcdefgh"}) {
            assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, app, prefix, new byte[32]));
        }
        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, app, SchemaRows.prefix(), new byte[31]));
        assertThat(rows.execute(insert, UUID.randomUUID(), tenant, app, "tg_aB3dE6gH", new byte[32])).isEqualTo(1);
    }

    @Test
    void a_revoked_key_needs_its_revocation_time_and_an_active_one_must_not_have_it() throws SQLException {
        UUID tenant = rows.tenant();
        UUID key = rows.apiKey(tenant, rows.app(tenant));

        assertRejected(CHECK_VIOLATION, () -> rows.execute("update api_keys set status = 'REVOKED' where id = ?", key));
        assertRejected(CHECK_VIOLATION, () -> rows.execute("update api_keys set revoked_at = now() where id = ?", key));
        assertThat(rows.execute("update api_keys set status = 'REVOKED', revoked_at = now() where id = ?", key)).isEqualTo(1);
    }

    @Test
    void budget_scope_must_match_its_targets_and_downgrade_needs_a_model() throws SQLException {
        UUID tenant = rows.tenant();
        UUID app = rows.app(tenant);
        UUID model = rows.model();
        String insert = "insert into budgets (id, tenant_id, scope, app_id, model_id, amount_usd, action, downgrade_model_id)"
                + " values (?, ?, ?, ?, ?, 100, ?, ?)";

        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, "TENANT", app, null, "BLOCK", null));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, "APP", null, null, "BLOCK", null));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, "APP", app, model, "BLOCK", null));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, "APP_MODEL", app, null, "BLOCK", null));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, "TENANT", null, null, "DOWNGRADE", null));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, "TENANT", null, null, "BLOCK", model));
        assertRejected(CHECK_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, "TENANT", null, null, "STOP", null));

        assertThat(rows.execute(insert, UUID.randomUUID(), tenant, "APP_MODEL", app, model, "DOWNGRADE", model)).isEqualTo(1);
    }

    @Test
    void only_one_budget_per_target_and_period_even_when_the_target_columns_are_null() throws SQLException {
        UUID tenant = rows.tenant();
        String insert = "insert into budgets (id, tenant_id, scope, amount_usd, period) values (?, ?, 'TENANT', 100, ?)";
        rows.execute(insert, UUID.randomUUID(), tenant, "MONTH");

        assertRejected(UNIQUE_VIOLATION, () -> rows.execute(insert, UUID.randomUUID(), tenant, "MONTH"));
        assertThat(rows.execute(insert, UUID.randomUUID(), tenant, "DAY")).isEqualTo(1);
    }

    private static void assertRejected(String sqlState, ThrowingCallable statement) {
        assertThatThrownBy(statement)
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo(sqlState);
    }
}
