package io.tollgate.portal.journeys;

import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.testsupport.FreePorts;
import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The real gateway next to the portal under test: the jar the build packaged, run as a process of its own (its own
 * classpath and application.yml) on a free port, against the portal tests' database and with the portal's key
 * secret, so a key copied from the portal works there over real HTTP. Start it early; it boots while a test does
 * other things, and {@link #awaitReady()} waits only for what is left.
 */
public final class RunningGateway implements AutoCloseable {

    /** Set by the build (see the pom) to the packaged gateway jar. */
    public static final String JAR_PROPERTY = "tollgate.gateway.jar";
    /** Neither this machine's cores nor Reactor Netty's own default: a gateway that ignored its setting would show. */
    static final int EVENT_LOOPS = 3;
    // generous for a loaded 2-core machine; the gateway starts in 10 to 15 s there
    private static final Duration READY_LIMIT = Duration.ofSeconds(180);

    private static RunningGateway shared;

    private final PackagedService service;
    private final int port;
    private final Path spool;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningGateway(PackagedService service, int port, Path spool) {
        this.service = service;
        this.port = port;
        this.spool = spool;
    }

    /**
     * The gateway of this test JVM: launched on the first call, which returns at once, and stopped when the JVM ends,
     * since each launch costs a whole service's start. Skips the calling test when the build has not packaged the jar.
     */
    public static synchronized RunningGateway shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "gateway-for-tests-stop"));
        }
        return shared;
    }

    private static RunningGateway start() {
        TestDatabase database = TestPostgres.instance().shared();
        int port = FreePorts.reserve();
        try {
            Path spool = Files.createTempDirectory("tollgate-gateway-spool-");
            return new RunningGateway(PackagedService.launch("gateway", JAR_PROPERTY, Map.of(
                    "TOLLGATE_GATEWAY_PORT", Integer.toString(port),
                    "TOLLGATE_GATEWAY_MANAGEMENT_PORT", Integer.toString(FreePorts.reserve()),
                    "TOLLGATE_DB_URL", database.jdbcUrl(),
                    "TOLLGATE_DB_USER", database.username(),
                    "TOLLGATE_DB_PASSWORD", database.password(),
                    "TOLLGATE_API_KEY_SECRET", PortalIntegrationTest.API_KEY_SECRET,
                    "TOLLGATE_MASTER_KEYS", PortalIntegrationTest.MASTER_KEYS,
                    "TOLLGATE_GATEWAY_SPOOL_DIR", spool.toString(),
                    "TOLLGATE_GATEWAY_EVENT_LOOPS", Integer.toString(EVENT_LOOPS))), port, spool);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the gateway", e);
        }
    }

    /** Waits until the gateway has loaded its first configuration snapshot and answers {@code /readyz}. */
    public RunningGateway awaitReady() {
        service.awaitReady(READY_LIMIT, this::readyzStatus);
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
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(within).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        last.set(chat(apiKey, model));
                        return last.get().statusCode() == expected;
                    });
        } catch (ConditionTimeoutException e) {
            // the caller asserts on the last answer, which names what the gateway said instead
        }
        return last.get();
    }

    /** Every line the gateway has logged so far. */
    public List<String> logLines() {
        return service.logLines();
    }

    /** The last lines the gateway logged, for failure messages. */
    public String logTail() {
        return service.logTail();
    }

    /** Stops the gateway as an orchestrator would (SIGTERM, graceful), forcibly if it takes too long. */
    @Override
    public void close() {
        service.close();
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
}
