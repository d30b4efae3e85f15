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
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** Gateway replicas read budget spend on NOTIFY tollgate_spend; spend is not configuration (no snapshot reload). */
class SpendChangeNotifyIntegrationTest {

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
            statement.execute("listen tollgate_spend");
            statement.execute("listen tollgate_config");
        }
    }

    @AfterAll
    static void close() throws SQLException {
        listener.close();
        writer.close();
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
        List<String> afterInsert = channels(2_000);
        rows.execute("update budget_spend set spent_usd = spent_usd + 0.25 where budget_id = ?", budget);
        List<String> afterUpdate = channels(2_000);
        rows.execute("update budget_spend set spent_usd = spent_usd + 0.25 where budget_id = ?", UUID.randomUUID());

        assertThat(afterInsert).containsExactly("tollgate_spend");
        assertThat(afterUpdate).containsExactly("tollgate_spend");
        assertThat(channels(2_000)).as("a statement that matched no row").containsExactly("tollgate_spend");
    }

    /** What the configuration changes sent: every notification until none comes for 300 ms. */
    private static List<String> drain() throws SQLException {
        List<String> names = new ArrayList<>();
        for (List<String> more = channels(2_000); !more.isEmpty(); more = channels(300)) {
            names.addAll(more);
        }
        return names;
    }

    private static List<String> channels(int timeoutMs) throws SQLException {
        PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(timeoutMs);
        List<String> names = new ArrayList<>();
        for (PGNotification notification : received) {
            names.add(notification.getName());
        }
        return names;
    }
}
