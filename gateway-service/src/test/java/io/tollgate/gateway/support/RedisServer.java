package io.tollgate.gateway.support;

import io.tollgate.testsupport.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real redis-server (Debian's, installed by .ci/run) on a free port, without persistence. A missing binary fails
 * the test with the command that installs it: shared limits are never silently left untested.
 */
public final class RedisServer implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/bin/redis-server");

    private final int port;
    private volatile Process process;

    private RedisServer(int port) {
        this.port = port;
        // a test whose context outlives it (a cached Spring context) keeps its Redis until the JVM ends: not past it
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            var running = process;
            if (running != null) {
                running.destroyForcibly();
            }
        }, "redis-server-" + port + "-stop"));
    }

    public static RedisServer start() {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install it with 'apt-get install -y redis-server'");
        }
        var server = new RedisServer(FreePorts.reserve());
        server.restart();
        return server;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts the server (again, on the same port, with no data) and waits until it accepts connections. */
    public void restart() {
        try {
            process = new ProcessBuilder(BINARY.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--protected-mode", "no")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GatewayIntegrationTest.await(this::accepts, Duration.ofSeconds(10), "redis-server on port " + port);
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean accepts() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
