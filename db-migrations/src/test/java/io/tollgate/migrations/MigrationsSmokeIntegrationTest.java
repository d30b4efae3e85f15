package io.tollgate.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;

class MigrationsSmokeIntegrationTest {

    @Test
    void migrations_apply_to_an_empty_database_and_seed_the_four_plans() throws Exception {
        var database = TestPostgres.instance().freshDatabase().migrate();
        try (var connection = database.connect();
             var rows = connection.createStatement().executeQuery("select code from plans order by code")) {
            var codes = new java.util.ArrayList<String>();
            while (rows.next()) {
                codes.add(rows.getString(1));
            }
            assertThat(codes).containsExactly("basic", "enterprise", "free", "pro");
        }
    }
}
