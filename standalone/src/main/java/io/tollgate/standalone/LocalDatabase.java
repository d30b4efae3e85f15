package io.tollgate.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The embedded PostgreSQL of a standalone installation: its data stays in the data folder across restarts,
 * its binaries are PostgreSQL 18 from Maven Central. Only local connections are accepted (trust auth on
 * localhost, as initdb sets it up for the embedded server).
 */
final class LocalDatabase implements AutoCloseable {

    static final String DATABASE = "tollgate";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path pgData;

    private LocalDatabase(EmbeddedPostgres postgres, Path pgData) {
        this.postgres = postgres;
        this.pgData = pgData;
    }

    static LocalDatabase start(Path dataDir, Path logFile) {
        Path pgData = dataDir.resolve("postgres");
        Postmaster.stopIfRunning(pgData);
        try {
            Files.createDirectories(pgData);
            Path binaries = Files.createDirectories(dataDir.resolve("postgres-binaries"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    // the library's defaults suit throwaway test databases; this one keeps usage and invoices
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .setOverrideWorkingDirectory(binaries.toFile())
                    // the launcher stops PostgreSQL itself, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start();
            LocalDatabase database = new LocalDatabase(postgres, pgData);
            database.createApplicationDatabase();
            return database;
        } catch (IOException e) {
            throw new StartupException("PostgreSQL did not start, see " + logFile, e);
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    DataSource dataSource() {
        return postgres.getDatabase(USER, DATABASE);
    }

    void migrate() {
        Flyway.configure()
                .dataSource(dataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    @Override
    public void close() {
        var server = Postmaster.running(pgData);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // pg_ctl returns once the pid file is gone, a moment before the server process ends
        server.ifPresent(process -> Postmaster.awaitExit(process, Duration.ofSeconds(10)));
    }

    private void createApplicationDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new StartupException("could not create the database '" + DATABASE + "'", e);
        }
    }
}
