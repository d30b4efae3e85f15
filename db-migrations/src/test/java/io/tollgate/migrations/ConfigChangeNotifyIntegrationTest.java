package io.tollgate.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The gateway reloads its snapshot on NOTIFY tollgate_config; metering writes must not wake it. Budget spend is not
 * configuration: it sends NOTIFY tollgate_spend, on which the gateway reads spend and reloads nothing.
 */
class ConfigChangeNotifyIntegrationTest {

    private static final int WAIT_MS = 2_000;
    private static final int QUIET_MS = 500;

    private static Connection listener;
    private static Connection writer;
    private static SchemaRows rows;

    @BeforeAll
    static void listenOnAFreshDatabase() throws SQLException {
        TestDatabase database = TestPostgres.instance().freshDatabase().migrate();
        listener = database.connect();
        writer = database.connect();
        rows = new SchemaRows(writer);
        try (var statement = listener.createStatement()) {
            statement.execute("listen tollgate_config");
            statement.execute("listen tollgate_spend");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        listener.close();
        writer.close();
    }

    /**
     * Reads every notification sent so far: a marker is sent last, and PostgreSQL delivers notifications in the order
     * of their commits, so all before it have come once it has. (Waiting a while instead left one behind now and then.)
     */
    @BeforeEach
    void drainEarlierNotifications() throws SQLException {
        rows.execute("notify tollgate_config, 'drained'");
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000L;
        while (System.nanoTime() < deadline) {
            for (PGNotification notification : listener.unwrap(PGConnection.class).getNotifications(WAIT_MS)) {
                if ("drained".equals(notification.getParameter())) {
                    return;
                }
            }
        }
        throw new AssertionError("the marker notification did not come within " + WAIT_MS + " ms");
    }

    @Test
    void inserting_a_key_notifies_with_the_table_name() throws SQLException {
        UUID tenant = rows.tenant();
        UUID app = rows.app(tenant);
        drainEarlierNotifications();

        rows.apiKey(tenant, app);

        assertThat(awaitNotifications(WAIT_MS)).contains("api_keys");
    }

    @Test
    void revoking_a_key_notifies() throws SQLException {
        UUID tenant = rows.tenant();
        UUID key = rows.apiKey(tenant, rows.app(tenant));
        drainEarlierNotifications();

        rows.execute("update api_keys set status = 'REVOKED', revoked_at = now() where id = ?", key);

        assertThat(awaitNotifications(WAIT_MS)).containsExactly("api_keys");
    }

    @Test
    void recording_key_usage_does_not_notify() throws SQLException {
        UUID tenant = rows.tenant();
        UUID key = rows.apiKey(tenant, rows.app(tenant));
        drainEarlierNotifications();

        rows.execute("insert into api_key_usage (api_key_id, last_used_at) values (?, now())", key);
        rows.execute("update api_key_usage set last_used_at = now() where api_key_id = ?", key);

        assertThat(awaitNotifications(QUIET_MS)).isEmpty();
    }

    @Test
    void a_provider_changed_without_raising_its_version_gets_a_new_version_all_the_same() throws SQLException {
        UUID provider = UUID.randomUUID();
        rows.execute("insert into providers (id, name, type, base_url) values (?, ?, 'OPENAI_COMPATIBLE', 'http://a.test/v1')",
                provider, "versioned-" + provider);

        rows.execute("update providers set base_url = 'http://b.test/v1' where id = ?", provider);
        long afterPlainUpdate = version(provider);
        rows.execute("update providers set base_url = 'http://c.test/v1', version = version + 1 where id = ?", provider);
        long afterOwnRaise = version(provider);
        rows.execute("update providers set base_url = base_url where id = ?", provider);

        assertThat(afterPlainUpdate).as("an operator's update").isEqualTo(1);
        assertThat(afterOwnRaise).as("the portal's update raises it once, not twice").isEqualTo(2);
        assertThat(version(provider)).as("an update that changes nothing").isEqualTo(2);
    }

    private static long version(UUID provider) throws SQLException {
        try (var statement = writer.prepareStatement("select version from providers where id = ?")) {
            statement.setObject(1, provider);
            try (var result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void a_notification_is_sent_only_when_the_change_commits() throws SQLException {
        UUID tenant = rows.tenant();
        UUID app = rows.app(tenant);
        drainEarlierNotifications();

        writer.setAutoCommit(false);
        try {
            rows.apiKey(tenant, app);
            writer.rollback();
        } finally {
            writer.setAutoCommit(true);
        }

        assertThat(awaitNotifications(QUIET_MS)).isEmpty();
    }

    @Test
    void adding_spend_notifies_the_spend_channel_once_per_statement_and_not_the_configuration() throws SQLException {
        UUID tenant = rows.tenant();
        UUID budget = UUID.randomUUID();
        rows.execute("insert into budgets (id, tenant_id, scope, amount_usd) values (?, ?, 'TENANT', 10)",
                budget, tenant);
        assertThat(drain()).containsOnly("tollgate_config");

        rows.execute("insert into budget_spend (budget_id, period_start, spent_usd) values (?, current_date, 0.5)",
                budget);
        List<String> afterInsert = channels(WAIT_MS);
        rows.execute("update budget_spend set spent_usd = spent_usd + 0.25 where budget_id = ?", budget);
        List<String> afterUpdate = channels(WAIT_MS);
        rows.execute("update budget_spend set spent_usd = spent_usd + 0.25 where budget_id = ?", UUID.randomUUID());

        assertThat(afterInsert).containsExactly("tollgate_spend");
        assertThat(afterUpdate).containsExactly("tollgate_spend");
        assertThat(channels(WAIT_MS)).as("a statement that matched no row").containsExactly("tollgate_spend");
    }

    /** The channels of every notification until none comes for 300 ms. */
    private static List<String> drain() throws SQLException {
        List<String> names = new ArrayList<>();
        for (List<String> more = channels(WAIT_MS); !more.isEmpty(); more = channels(300)) {
            names.addAll(more);
        }
        return names;
    }

    private static List<String> channels(int timeoutMs) throws SQLException {
        List<String> names = new ArrayList<>();
        for (PGNotification notification : listener.unwrap(PGConnection.class).getNotifications(timeoutMs)) {
            names.add(notification.getName());
        }
        return names;
    }

    private static List<String> awaitNotifications(int timeoutMs) throws SQLException {
        PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(timeoutMs);
        List<String> payloads = new ArrayList<>();
        for (PGNotification notification : received) {
            assertThat(notification.getName()).isEqualTo("tollgate_config");
            payloads.add(notification.getParameter());
        }
        return payloads;
    }
}
