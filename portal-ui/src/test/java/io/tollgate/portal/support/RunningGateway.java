package io.tollgate.portal.support;

import io.tollgate.model.runtime.ParentProcessWatchdog;
import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real gateway next to the portal under test: the jar the build packaged, run as a process of its own (its own
 * classpath and application.yml) on a free port, against the portal tests' database and with the portal's key
 * secret, so a key copied from the portal works there over real HTTP. Start it early; it boots while a test does
 * other things, and {@link #awaitReady()} waits only for what is left.
 */
public final class RunningGateway implements AutoCloseable {

    /** Set by the build (see the pom) to the packaged gateway jar. */
    public static final String JAR_PROPERTY = "tollgate.gateway.jar";
    // generous for a loaded 2-core machine; the gateway starts in 10 to 15 s there
    private static final Duration READY_LIMIT = Duration.ofSeconds(180);
    private static final Path LOG = Paths.get("target", "gateway-for-browser-tests.log");

    private final Process process;
    private final int port;
    private final Path spool;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningGateway(Process process, int port, Path spool) {
        this.process = process;
        this.port = port;
        this.spool = spool;
    }

    /** Launches the gateway and returns at once; skips the calling test when the build has not packaged the jar. */
    public static RunningGateway start() {
        Path jar = Paths.get(System.getProperty(JAR_PROPERTY, ""));
        Assumptions.assumeTrue(jar.toString().endsWith(".jar") && Files.isRegularFile(jar),
                "needs the packaged gateway jar in -D" + JAR_PROPERTY + " (./mvnw verify packages it first); got '"
                        + jar + "'");
        TestDatabase database = TestPostgres.instance().shared();
        int port = freePort();
        try {
            Path spool = Files.createTempDirectory("tollgate-gateway-spool-");
            Files.createDirectories(LOG.getParent());
            String java = ProcessHandle.current().info().command().orElseThrow();
            // the C1 compiler only: a faster start, and the test sends a handful of requests
            ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(LOG.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("TOLLGATE_") || name.startsWith("SPRING_"));
            environment.putAll(Map.of(
                    "TOLLGATE_GATEWAY_PORT", Integer.toString(port),
                    "TOLLGATE_GATEWAY_MANAGEMENT_PORT", Integer.toString(freePort()),
                    "TOLLGATE_DB_URL", database.jdbcUrl(),
                    "TOLLGATE_DB_USER", database.username(),
                    "TOLLGATE_DB_PASSWORD", database.password(),
                    "TOLLGATE_API_KEY_SECRET", PortalIntegrationTest.API_KEY_SECRET,
                    "TOLLGATE_MASTER_KEYS", PortalIntegrationTest.MASTER_KEYS,
                    "TOLLGATE_GATEWAY_SPOOL_DIR", spool.toString(),
                    // should this JVM die without closing it, the gateway stops by itself
                    "TOLLGATE_PARENT_PID", Long.toString(ProcessHandle.current().pid()),
                    "SPRING_MAIN_SOURCES", ParentProcessWatchdog.class.getName()));
            return new RunningGateway(builder.start(), port, spool);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the gateway", e);
        }
    }

    /** Waits until the gateway has loaded its first configuration snapshot and answers {@code /readyz}. */
    public RunningGateway awaitReady() {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (readyzStatus() != 200) {
            if (!process.isAlive()) {
                throw new AssertionError("the gateway exited with " + process.exitValue() + logTail());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("the gateway was not ready within " + READY_LIMIT + logTail());
            }
            pause();
        }
        return this;
    }

    public String baseUrl() {
        return "http://localhost:" + port + "/v1";
    }

    /** A non-streamed chat completion with the key, as any OpenAI client sends it. */
    public HttpResponse<String> chat(String apiKey, String model) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + model
                        + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello from the journey\"}]}"))
                .build());
    }

    /**
     * Calls until the gateway answers {@code expected} or {@code within} passes, and returns the last answer:
     * configuration changes reach the gateway through LISTEN/NOTIFY, within a second.
     */
    public HttpResponse<String> chatUntil(String apiKey, String model, int expected, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        HttpResponse<String> response = chat(apiKey, model);
        while (response.statusCode() != expected && System.nanoTime() - deadline < 0) {
            pause();
            response = chat(apiKey, model);
        }
        return response;
    }

    /** The last lines the gateway logged, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(LOG);
            return "\n== gateway log (" + LOG + ")\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(no gateway log: " + e.getMessage() + ")";
        }
    }

    /** Stops the gateway as an orchestrator would (SIGTERM, graceful), forcibly if it takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try {
            // only the spool's lock file is left once the gateway has drained its metering into the database
            Files.deleteIfExists(spool.resolve("spool.lock"));
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            // events were left behind: the folder stays for a look
        }
    }

    /** The status of {@code /readyz}, or -1 while nothing listens on the port yet. */
    private int readyzStatus() {
        try {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/readyz"))
                    .timeout(Duration.ofSeconds(5)).build()).statusCode();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
