package io.tollgate.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL as the launcher starts it: passwords everywhere, loopback only, private folders. */
class LocalDatabaseIntegrationTest {

    private static final String PASSWORD = "a-generated-password-for-the-test";

    @TempDir
    Path dataDir;

    @Test
    void a_connection_without_the_password_is_refused_and_with_it_accepted() throws Exception {
        try (LocalDatabase database = start()) {
            assertThatThrownBy(() -> connect(database, null)).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> connect(database, "wrong")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");

            try (Connection connection = connect(database, PASSWORD)) {
                assertThat(value(connection, "select rolpassword from pg_authid where rolname = 'postgres'"))
                        .startsWith("SCRAM-SHA-256$");
                assertThat(value(connection, "select count(*) from pg_roles where rolcanlogin")).isEqualTo("1");
            }
        }
    }

    @Test
    void it_listens_on_loopback_only_and_every_login_needs_scram() throws Exception {
        try (LocalDatabase database = start(); Connection connection = connect(database, PASSWORD)) {
            assertThat(value(connection, "show listen_addresses")).isEqualTo("localhost");
            assertThat(value(connection, "select string_agg(distinct auth_method, ',') from pg_hba_file_rules"))
                    .isEqualTo("scram-sha-256");
            assertThat(value(connection, "select count(*) from pg_hba_file_rules")).isEqualTo("3");
            assertThat(value(connection, "select count(*) from pg_hba_file_rules "
                    + "where type = 'local' or address in ('127.0.0.1', '::1')")).isEqualTo("3");
        }
    }

    @Test
    void binaries_socket_and_data_directories_are_the_owners_alone() throws Exception {
        try (LocalDatabase database = start(); Connection connection = connect(database, PASSWORD)) {
            assertThat(value(connection, "show unix_socket_directories"))
                    .isEqualTo(dataDir.resolve("postgres-socket").toString());
            for (String directory : new String[] {"postgres-binaries", "postgres-socket", "postgres"}) {
                assertThat(Files.getPosixFilePermissions(dataDir.resolve(directory))).as(directory)
                        .isEqualTo(LocalDatabase.OWNER_ONLY);
            }
            try (var binaries = Files.walk(dataDir.resolve("postgres-binaries"))) {
                assertThat(binaries.filter(path -> !Files.isSymbolicLink(path)).filter(path -> {
                    try {
                        var permissions = Files.getPosixFilePermissions(path);
                        return permissions.contains(PosixFilePermission.GROUP_WRITE)
                                || permissions.contains(PosixFilePermission.OTHERS_WRITE)
                                || Files.isDirectory(path) && !permissions.equals(LocalDatabase.OWNER_ONLY);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).toList()).as("binaries others could write or enter").isEmpty();
            }
            assertThat(dataDir.resolve("postgres-initdb-password")).doesNotExist();
        }
    }

    @Test
    void a_cluster_an_older_launcher_left_trusting_local_connections_requires_the_password_after_a_start()
            throws Exception {
        Path pgData = dataDir.resolve("postgres");
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(pgData)
                .setCleanDataDirectory(false).setOverrideWorkingDirectory(dataDir.toFile()).start();
             Connection connection = trusting.getPostgresDatabase().getConnection()) {
            assertThat(value(connection, "select count(*) from pg_hba_file_rules where auth_method = 'trust'"))
                    .isNotEqualTo("0");
        }

        try (LocalDatabase database = start()) {
            assertThatThrownBy(() -> connect(database, null)).isInstanceOf(SQLException.class);
            try (Connection connection = connect(database, PASSWORD)) {
                assertThat(value(connection, "select 1")).isEqualTo("1");
            }
        }
    }

    private LocalDatabase start() throws Exception {
        Files.createDirectories(dataDir.resolve("logs"));
        return LocalDatabase.start(dataDir, dataDir.resolve("logs/postgres.log"), PASSWORD);
    }

    private static Connection connect(LocalDatabase database, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", LocalDatabase.USER);
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    private static String value(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
