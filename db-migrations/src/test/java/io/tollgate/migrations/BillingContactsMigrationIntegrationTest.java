package io.tollgate.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** A tenant's single billing e-mail becomes the first entry of its list of billing contacts. */
class BillingContactsMigrationIntegrationTest {

    /** The last migration before the list existed. */
    private static final String BEFORE_THE_LIST = "20261204141100";

    @Test
    void each_tenants_billing_email_moves_into_its_contacts_and_the_column_is_gone() throws SQLException {
        TestDatabase database = TestPostgres.instance().freshDatabase();
        Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
                .target(BEFORE_THE_LIST).load().migrate();
        UUID withEmail = UUID.randomUUID();
        UUID without = UUID.randomUUID();
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            statement.execute("""
                    insert into tenants (id, slug, name, plan_id, billing_email) values
                    ('%s', 'with-email', 'With', '00000000-0000-0000-0000-00000000f002', 'Finance@with.example'),
                    ('%s', 'without', 'Without', '00000000-0000-0000-0000-00000000f002', null)"""
                    .formatted(withEmail, without));
        }

        database.migrate();

        assertThat(strings(database, "select email from tenant_billing_contacts where tenant_id = '" + withEmail + "'"))
                .containsExactly("Finance@with.example");
        assertThat(strings(database, "select email from tenant_billing_contacts where tenant_id = '" + without + "'"))
                .isEmpty();
        assertThat(strings(database, """
                select column_name from information_schema.columns
                where table_name = 'tenants' and column_name = 'billing_email'""")).isEmpty();
        try (Connection connection = database.connect(); var statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("""
                    insert into tenant_billing_contacts (id, tenant_id, email)
                    values (gen_random_uuid(), '%s', 'finance@WITH.example')""".formatted(withEmail)))
                    .as("an address is a tenant's contact once, whatever its case").isInstanceOf(SQLException.class)
                    .hasMessageContaining("tenant_billing_contacts_email_uq");
        }
    }

    private static List<String> strings(TestDatabase database, String sql) throws SQLException {
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
