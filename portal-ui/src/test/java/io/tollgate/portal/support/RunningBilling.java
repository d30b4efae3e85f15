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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The real billing service next to the portal under test, like {@link RunningGateway}: the jar the build packaged,
 * run as a process of its own on the port the portal's {@code tollgate.billing.url} names, against the portal tests'
 * database and with the portal's key secret (so it accepts the portal's assertions), its scheduled jobs off.
 */
public final class RunningBilling implements AutoCloseable {

    /** Set by the build (see the pom) to the packaged billing jar. */
    public static final String JAR_PROPERTY = "tollgate.billing.jar";
    private static final Duration READY_LIMIT = Duration.ofSeconds(120);
    private static final Path LOG = Paths.get("target", "billing-for-browser-tests.log");

    private final Process process;
    private final int managementPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningBilling(Process process, int managementPort) {
        this.process = process;
        this.managementPort = managementPort;
    }

    /**
     * Launches billing at {@code url}'s port and returns at once; skips the calling test when the build has not
     * packaged the jar.
     *
     * @param extraEnvironment more settings, e.g. Stripe's
     */
    public static RunningBilling start(String url, Map<String, String> extraEnvironment) {
        Path jar = Paths.get(System.getProperty(JAR_PROPERTY, ""));
        Assumptions.assumeTrue(jar.toString().endsWith(".jar") && Files.isRegularFile(jar),
                "needs the packaged billing jar in -D" + JAR_PROPERTY + " (./mvnw verify packages it first); got '"
                        + jar + "'");
        TestDatabase database = TestPostgres.instance().shared();
        int managementPort = freePort();
        try {
            Files.createDirectories(LOG.getParent());
            String java = ProcessHandle.current().info().command().orElseThrow();
            ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(LOG.toFile());
            Map<String, String> environment = builder.environment();
            environment.keySet().removeIf(name -> name.startsWith("TOLLGATE_") || name.startsWith("SPRING_")
                    || name.startsWith("STRIPE_"));
            Map<String, String> settings = new HashMap<>(Map.of(
                    "TOLLGATE_BILLING_PORT", Integer.toString(URI.create(url).getPort()),
                    "TOLLGATE_BILLING_MANAGEMENT_PORT", Integer.toString(managementPort),
                    "TOLLGATE_DB_URL", database.jdbcUrl(),
                    "TOLLGATE_DB_USER", database.username(),
                    "TOLLGATE_DB_PASSWORD", database.password(),
                    // the portal tests' context has migrated the database already
                    "TOLLGATE_DB_MIGRATE", "false",
                    "TOLLGATE_API_KEY_SECRET", PortalIntegrationTest.API_KEY_SECRET,
                    "TOLLGATE_MASTER_KEYS", PortalIntegrationTest.MASTER_KEYS,
                    "TOLLGATE_BILLING_JOBS_ENABLED", "false"));
            // should this JVM die without closing it, billing stops by itself
            settings.put("TOLLGATE_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
            settings.put("SPRING_MAIN_SOURCES", ParentProcessWatchdog.class.getName());
            settings.putAll(extraEnvironment);
            environment.putAll(settings);
            return new RunningBilling(builder.start(), managementPort);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start billing", e);
        }
    }

    /** Waits until billing reports itself ready on its management port. */
    public RunningBilling awaitReady() {
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        while (readinessStatus() != 200) {
            if (!process.isAlive()) {
                throw new AssertionError("billing exited with " + process.exitValue() + logTail());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("billing was not ready within " + READY_LIMIT + logTail());
            }
            pause();
        }
        return this;
    }

    /** The last lines billing logged, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(LOG);
            return "\n== billing log (" + LOG + ")\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "\n(no billing log: " + e.getMessage() + ")";
        }
    }

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
    }

    private int readinessStatus() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + managementPort
                                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
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
