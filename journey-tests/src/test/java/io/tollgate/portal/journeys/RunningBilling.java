package io.tollgate.portal.journeys;

import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.testsupport.FreePorts;
import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The real billing service next to the portal under test, like {@link RunningGateway}: the jar the build packaged,
 * run as a process of its own on the port the portal's {@code tollgate.billing.url} names, against the portal tests'
 * database and with the portal's key secret (so it accepts the portal's assertions), its scheduled jobs off.
 */
public final class RunningBilling implements AutoCloseable {

    /** Set by the build (see the pom) to the packaged billing jar. */
    public static final String JAR_PROPERTY = "tollgate.billing.jar";
    private static final Duration READY_LIMIT = Duration.ofSeconds(120);

    private final PackagedService service;
    private final int managementPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RunningBilling(PackagedService service, int managementPort) {
        this.service = service;
        this.managementPort = managementPort;
    }

    /**
     * Launches billing at {@code url}'s port and returns at once; skips the calling test when the build has not
     * packaged the jar.
     *
     * @param extraEnvironment more settings, e.g. Stripe's
     */
    public static RunningBilling start(String url, Map<String, String> extraEnvironment) {
        TestDatabase database = TestPostgres.instance().shared();
        int managementPort = FreePorts.reserve();
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
        settings.putAll(extraEnvironment);
        return new RunningBilling(PackagedService.launch("billing", JAR_PROPERTY, settings), managementPort);
    }

    /** Waits until billing reports itself ready on its management port. */
    public RunningBilling awaitReady() {
        service.awaitReady(READY_LIMIT, this::readinessStatus);
        return this;
    }

    /** The last lines billing logged, for failure messages. */
    public String logTail() {
        return service.logTail();
    }

    @Override
    public void close() {
        service.close();
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
}
