package io.tollgate.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrationsSmokeIntegrationTest {

    private static TestDatabase database;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        database = TestPostgres.instance().freshDatabase().migrate();
    }

    @Test
    void migrations_apply_to_an_empty_database_and_seed_the_four_plans() throws Exception {
        assertThat(strings("select code from plans order by code")).containsExactly("basic", "enterprise", "free", "pro");
    }

    @Test
    void every_table_of_the_design_exists() throws Exception {
        assertThat(strings("select tablename from pg_tables where schemaname = 'public'")).contains(
                "tenants", "users", "memberships", "invitations", "apps", "api_keys", "api_key_usage", "models",
                "providers", "deployments", "prices", "plans", "subscriptions", "budgets", "budget_spend",
                "budget_alerts", "usage_events", "usage_daily", "invoices", "invoice_lines",
                "invoice_number_sequences", "webhooks", "audit_log", "shedlock");
    }

    @Test
    void usage_events_has_monthly_partitions_ahead_and_a_default_one() throws Exception {
        List<String> partitions = strings("""
                select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                where i.inhparent = 'usage_events'::regclass""");

        assertThat(partitions).contains("usage_events_default");
        assertThat(partitions.stream().filter(name -> name.matches("usage_events_\\d{6}"))).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void every_table_the_gateway_caches_notifies_on_change() throws Exception {
        assertThat(strings("select event_object_table from information_schema.triggers"
                + " where trigger_name like '%_notify_config_change'")).contains(
                "api_keys", "apps", "tenants", "subscriptions", "plans", "budgets", "models", "deployments",
                "providers", "prices");
    }

    private static List<String> strings(String sql) throws SQLException {
        try (Connection connection = database.connect();
             var rows = connection.createStatement().executeQuery(sql)) {
            var values = new ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
