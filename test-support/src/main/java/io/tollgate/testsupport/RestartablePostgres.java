package io.tollgate.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/** An embedded PostgreSQL a test owns: stop it to simulate an outage, start it again on the same port and data. */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private @Nullable EmbeddedPostgres running;

    RestartablePostgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.port = FreePorts.reserve();
        start();
    }

    public synchronized void start() {
        if (running != null) {
            return;
        }
        try {
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    public synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            running = null;
        }
    }

    public TestDatabase database() {
        return new TestDatabase("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "postgres");
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        stop();
    }
}
