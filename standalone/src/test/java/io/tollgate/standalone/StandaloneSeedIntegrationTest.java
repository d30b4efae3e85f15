package io.tollgate.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.model.apikey.ApiKeyHasher;
import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** The demo seed against a freshly migrated PostgreSQL: complete on the first run, silent and unchanged after. */
class StandaloneSeedIntegrationTest {

    private static final String DEMO_KEY = "tg_" + "D3mo".repeat(8);
    private final ApiKeyHasher hasher = new ApiKeyHasher(
            "a-test-secret-of-at-least-32-bytes-long".getBytes(StandardCharsets.UTF_8), "v1");

    private TestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = TestPostgres.instance().freshDatabase().migrate();
    }

    @Test
    void first_run_prints_generated_logins_and_key_and_a_second_run_prints_nothing_and_adds_nothing() throws Exception {
        StandaloneSeed seed = new StandaloneSeed(settings(Map.of()), hasher);

        List<String> first = seed.run(database.dataSource());
        Map<String, Long> rowsAfterFirst = rowCounts();
        List<String> second = seed.run(database.dataSource());

        assertThat(first).hasSize(3);
        assertThat(first.get(0)).startsWith("Admin     login  admin@tollgate.local  password ");
        assertThat(first.get(1)).startsWith("Demo      login  demo@tollgate.local  password ");
        assertThat(first.get(2)).matches("Demo {6}key {4}tg_[A-Za-z0-9]{32} {2}\\(shown once\\)");
        assertThat(second).isEmpty();
        assertThat(rowCounts()).isEqualTo(rowsAfterFirst);
        assertThat(rowsAfterFirst).containsEntry("models", 3L).containsEntry("deployments", 3L)
                .containsEntry("prices", 3L).containsEntry("api_keys", 1L);
    }

    @Test
    void demo_key_from_the_environment_is_stored_as_its_hmac_and_never_printed() throws Exception {
        List<String> notices = new StandaloneSeed(settings(Map.of("TOLLGATE_DEMO_API_KEY", DEMO_KEY)), hasher)
                .run(database.dataSource());

        assertThat(notices).noneMatch(line -> line.contains("tg_"));
        try (Connection connection = database.connect(); ResultSet key = connection.createStatement().executeQuery(
                "select prefix, secret_hash, hash_key_id, name from api_keys")) {
            assertThat(key.next()).isTrue();
            assertThat(key.getString("prefix")).isEqualTo(DEMO_KEY.substring(0, 11));
            assertThat(hasher.verify(DEMO_KEY, key.getBytes("secret_hash"))).isTrue();
            assertThat(key.getString("hash_key_id")).isEqualTo("v1");
            assertThat(key.getString("name")).isEqualTo("demo");
        }
    }

    @Test
    void demo_app_is_approved_for_exactly_the_two_open_models() throws Exception {
        new StandaloneSeed(settings(Map.of()), hasher).run(database.dataSource());

        assertThat(strings("""
                select m.name from subscriptions s join models m on m.id = s.model_id
                join apps a on a.id = s.app_id and a.tenant_id = s.tenant_id
                join tenants t on t.id = a.tenant_id
                where t.slug = 'demo' and a.name = 'Demo app' and s.status = 'APPROVED' order by m.name"""))
                .containsExactly("gpt-4o-mini", "text-embedding-3-small");
        assertThat(strings("select name from models where requires_approval order by name")).containsExactly("gpt-4o");
        assertThat(strings("select p.code from tenants t join plans p on p.id = t.plan_id where t.slug = 'demo'"))
                .containsExactly("pro");
        assertThat(strings("select cast(input_per_million as text) from prices p join models m on m.id = p.model_id "
                + "where m.name = 'gpt-4o-mini'")).containsExactly("0.150000000");
    }

    @Test
    void admin_password_from_the_environment_is_stored_in_the_delegating_bcrypt_format_and_not_printed() throws Exception {
        List<String> notices = new StandaloneSeed(settings(Map.of(
                "TOLLGATE_ADMIN_EMAIL", "Root@Example.com", "TOLLGATE_ADMIN_PASSWORD", "correct horse battery")), hasher)
                .run(database.dataSource());

        assertThat(notices).noneMatch(line -> line.startsWith("Admin"));
        String hash = strings("select password_hash from users where email = 'root@example.com' and platform_role = 'ADMIN'")
                .getFirst();
        assertThat(hash).startsWith("{bcrypt}");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches("correct horse battery", hash))
                .isTrue();
    }

    private static StandaloneSettings settings(Map<String, String> env) {
        return StandaloneSettings.from(env);
    }

    private Map<String, Long> rowCounts() throws SQLException {
        var counts = new java.util.TreeMap<String, Long>();
        for (String table : List.of("tenants", "users", "memberships", "apps", "providers", "models", "deployments",
                "prices", "subscriptions", "api_keys")) {
            counts.put(table, Long.valueOf(strings("select count(*) from " + table).getFirst()));
        }
        return counts;
    }

    private List<String> strings(String query) throws SQLException {
        try (Connection connection = database.connect(); ResultSet rows = connection.createStatement().executeQuery(query)) {
            var values = new java.util.ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
