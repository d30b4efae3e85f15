package io.tollgate.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of this test JVM, started once and shared: {@code TEST_DATABASE_URL} when set
 * (with {@code TEST_DATABASE_USER} and {@code TEST_DATABASE_PASSWORD}), Testcontainers when a Docker engine
 * answers, otherwise an embedded PostgreSQL. Tests that need an empty database ask for a fresh one; the
 * shared database is migrated once and holds the rows of every test in the JVM, so tests make their own
 * tenants and never assume empty tables.
 */
public final class TestPostgres {

    private static final Logger log = LoggerFactory.getLogger(TestPostgres.class);
    private static final AtomicInteger databaseCounter = new AtomicInteger();

    private static volatile @Nullable TestPostgres instance;

    private final PostgresServer server;
    private final TestDatabase shared;

    private TestPostgres(PostgresServer server) {
        this.server = server;
        this.shared = server.adminDatabase();
    }

    public static TestPostgres instance() {
        if (instance == null) {
            synchronized (TestPostgres.class) {
                if (instance == null) {
                    instance = new TestPostgres(startServer());
                    Runtime.getRuntime().addShutdownHook(new Thread(instance.server::close, "test-postgres-stop"));
                }
            }
        }
        return instance;
    }

    /** The database shared by the tests of this JVM, migrated. */
    public TestDatabase shared() {
        return SharedMigration.ensure(shared);
    }

    /** A newly created, empty database (no migrations applied). */
    public TestDatabase freshDatabase() {
        String name = "test_" + ProcessHandle.current().pid() + "_" + databaseCounter.incrementAndGet();
        try (var connection = shared.connect(); var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new TestDatabase(server.urlOf(name), shared.username(), shared.password());
    }

    /**
     * A PostgreSQL of the test's own that it may stop and start again (to simulate an outage); always
     * embedded, on a fixed port so clients can reconnect. Close it when done.
     */
    public static RestartablePostgres restartable() {
        try {
            return new RestartablePostgres(Files.createTempDirectory("tollgate-pg-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PostgresServer startServer() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            log.info("Tests use the PostgreSQL at TEST_DATABASE_URL");
            return new ExternalPostgres(url, env("TEST_DATABASE_USER", "postgres"), env("TEST_DATABASE_PASSWORD", ""));
        }
        if (DockerPostgres.dockerAnswers()) {
            log.info("Tests use a PostgreSQL container (Testcontainers)");
            return DockerPostgres.start();
        }
        log.info("No Docker engine: tests use an embedded PostgreSQL");
        return EmbeddedServer.start();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }


    static Path dockerSocket() {
        return Path.of("/var/run/docker.sock");
    }
}
