package io.tollgate.testsupport;

import java.nio.file.Files;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a container, for machines with a Docker engine. */
final class DockerPostgres implements PostgresServer {

    private final PostgreSQLContainer container;

    private DockerPostgres(PostgreSQLContainer container) {
        this.container = container;
    }

    static boolean dockerAnswers() {
        boolean socketOrHost = System.getenv("DOCKER_HOST") != null || Files.exists(TestPostgres.dockerSocket());
        if (!socketOrHost) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static DockerPostgres start() {
        var container = new PostgreSQLContainer("postgres:18-alpine")
                .withDatabaseName("tollgate")
                .withUsername("tollgate")
                .withPassword("tollgate");
        container.start();
        return new DockerPostgres(container);
    }

    @Override
    public TestDatabase adminDatabase() {
        return new TestDatabase(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    @Override
    public String urlOf(String databaseName) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + databaseName;
    }

    @Override
    public void close() {
        container.stop();
    }
}
