package io.tollgate.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.FreePorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged jar as a user would ({@code java -jar}), twice on the same data folder: the first run creates
 * and prints the secrets and is killed with SIGKILL, after which its services end by themselves and its PostgreSQL
 * is left behind; the second reuses the secrets silently, replaces the orphaned PostgreSQL and stops cleanly on
 * SIGTERM.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TollgateStandaloneIT {

    // generous for a loaded 2-core machine that starts three services at once
    private static final Duration READY_LIMIT = Duration.ofMinutes(5);
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dataDir;
    static int gatewayPort;
    static int portalPort;
    static int billingPort;
    static int gatewayManagementPort;
    static int portalManagementPort;
    static int billingManagementPort;
    static String firstRunSecrets;
    static ProcessHandle orphanedPostgres;

    private Launched launched;

    @BeforeAll
    static void choosePorts() {
        gatewayPort = FreePorts.reserve();
        portalPort = FreePorts.reserve();
        billingPort = FreePorts.reserve();
        gatewayManagementPort = FreePorts.reserve();
        portalManagementPort = FreePorts.reserve();
        billingManagementPort = FreePorts.reserve();
    }

    @AfterEach
    void killWhatIsLeftByAFailedTest() {
        if (launched != null && launched.process.isAlive()) {
            launched.process.descendants().forEach(ProcessHandle::destroyForcibly);
            launched.process.destroyForcibly();
            postmaster().ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @AfterAll
    static void stopAnOrphanedPostgres() {
        postmaster().ifPresent(ProcessHandle::destroy);
    }

    @Test
    @Order(1)
    void first_run_starts_every_service_prints_the_demo_secrets_once_and_its_services_end_when_it_is_killed()
            throws Exception {
        launched = launch();
        launched.awaitLine("Tollgate is running");

        assertThat(launched.output).contains(
                "Gateway   ready  http://localhost:" + gatewayPort + "/v1",
                "Portal    ready  http://localhost:" + portalPort,
                "Billing   ready  http://localhost:" + billingPort + "/api/v1/billing");
        assertThat(launched.output)
                .anyMatch(line -> line.matches("Admin {5}login {2}admin@tollgate\\.local {2}password \\S{20} {2}\\(shown once\\)"))
                .anyMatch(line -> line.matches("Demo {6}login {2}demo@tollgate\\.local {2}password \\S{20} {2}\\(shown once\\)"))
                .anyMatch(line -> line.matches("Demo {6}key {4}tg_[A-Za-z0-9]{32} {2}\\(shown once\\)"));
        for (int port : List.of(gatewayManagementPort, portalManagementPort, billingManagementPort)) {
            HttpResponse<String> health = get("http://localhost:" + port + "/actuator/health");
            assertThat(health.statusCode()).as("health on management port %d", port).isEqualTo(200);
            assertThat(health.body()).contains("\"UP\"");
        }
        for (int port : List.of(gatewayPort, portalPort, billingPort)) {
            assertThat(get("http://localhost:" + port + "/actuator/health").statusCode())
                    .as("no actuator on public port %d", port).isEqualTo(404);
        }
        Awaitility.await("the gateway ready").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(get("http://localhost:" + gatewayPort + "/readyz").statusCode())
                        .isEqualTo(200));
        String demoKey = launched.output.stream()
                .filter(line -> line.startsWith("Demo      key"))
                .map(line -> line.split("\\s+")[2])
                .findFirst().orElseThrow();
        HttpResponse<String> models = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + gatewayPort + "/v1/models"))
                .header("Authorization", "Bearer " + demoKey).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(models.statusCode()).as("the gateway accepts the seeded demo key: %s", models.body()).isEqualTo(200);
        assertThat(models.body()).contains("gpt-4o-mini");

        Path secrets = dataDir.resolve("secrets.properties");
        assertThat(Files.getPosixFilePermissions(secrets)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        firstRunSecrets = Files.readString(secrets);

        List<ProcessHandle> services = launched.process.descendants().toList();
        assertThat(services).as("the three services run as children").hasSizeGreaterThanOrEqualTo(3);
        orphanedPostgres = postmaster().orElseThrow();
        launched.process.destroyForcibly().waitFor();

        Awaitility.await("the services' end after their launcher was killed").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(services).as("services still running after their launcher was killed")
                        .noneMatch(ProcessHandle::isAlive));
    }

    @Test
    @Order(2)
    void second_run_reuses_the_secrets_silently_replaces_the_orphaned_postgres_and_stops_cleanly_on_sigterm()
            throws Exception {
        assertThat(firstRunSecrets).as("the first run created the data folder").isNotNull();
        assertThat(orphanedPostgres).as("the killed first run left its PostgreSQL behind").isNotNull();
        assertThat(orphanedPostgres.isAlive()).as("the orphaned PostgreSQL still runs before the restart").isTrue();
        launched = launch();
        launched.awaitLine("Tollgate is running");

        assertThat(launched.output).filteredOn(line -> line.contains(" ready  ")).hasSize(3);
        assertThat(launched.output).noneMatch(line -> line.contains("shown once") || line.contains("tg_"));
        assertThat(Files.readString(dataDir.resolve("secrets.properties"))).isEqualTo(firstRunSecrets);
        assertThat(orphanedPostgres.isAlive()).isFalse();
        assertThat(postmaster()).isPresent().get().isNotEqualTo(orphanedPostgres);
        assertThat(get("http://localhost:" + gatewayManagementPort + "/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("http://localhost:" + billingManagementPort + "/actuator/health").statusCode()).isEqualTo(200);

        launched.stopWithSigtermAndAssertNothingRemains();
    }

    private static Launched launch() throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", System.getProperty("tollgate.standalone.jar"))
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("TOLLGATE_"));
        // the launcher hands its environment to the services: all four JVMs start on the C1 compiler only and the
        // serial collector, which spares a 2-core machine most of the JIT and GC work of three simultaneous starts
        builder.environment().put("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        builder.environment().put("TOLLGATE_DATA_DIR", dataDir.toString());
        builder.environment().put("TOLLGATE_GATEWAY_PORT", Integer.toString(gatewayPort));
        builder.environment().put("TOLLGATE_PORTAL_PORT", Integer.toString(portalPort));
        builder.environment().put("TOLLGATE_BILLING_PORT", Integer.toString(billingPort));
        builder.environment().put("TOLLGATE_GATEWAY_MANAGEMENT_PORT", Integer.toString(gatewayManagementPort));
        builder.environment().put("TOLLGATE_PORTAL_MANAGEMENT_PORT", Integer.toString(portalManagementPort));
        builder.environment().put("TOLLGATE_BILLING_MANAGEMENT_PORT", Integer.toString(billingManagementPort));
        return new Launched(builder.start());
    }

    private static Optional<ProcessHandle> postmaster() {
        try {
            Path pidFile = dataDir.resolve("postgres/postmaster.pid");
            return Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).getFirst().strip()))
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private record Launched(Process process, List<String> output) {

        Launched(Process process) {
            this(process, new CopyOnWriteArrayList<>());
            Thread.ofVirtual().start(() -> {
                try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    reader.lines().forEach(output::add);
                } catch (IOException ignored) {
                    // the process is gone
                }
            });
        }

        void awaitLine(String start) {
            try {
                Awaitility.await().atMost(READY_LIMIT).pollInterval(Duration.ofMillis(100)).until(() -> {
                    assertThat(process.isAlive()).as("launcher alive; output %s%s", output, logTails()).isTrue();
                    return output.stream().anyMatch(line -> line.startsWith(start));
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError("'%s' within %s; output %s%s".formatted(start, READY_LIMIT, output,
                        logTails()), e);
            }
        }

        void stopWithSigtermAndAssertNothingRemains() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            Optional<ProcessHandle> postgres = postmaster();
            assertThat(children).as("the three services run as children").hasSizeGreaterThanOrEqualTo(3);
            assertThat(postgres).as("PostgreSQL runs").isPresent();

            process.destroy();

            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("launcher exits within 30 s").isTrue();
            List<ProcessHandle> started = Stream.concat(children.stream(), postgres.stream()).toList();
            assertThat(started).as("processes left running").noneMatch(ProcessHandle::isAlive);
            assertThat(dataDir.resolve("postgres/postmaster.pid")).as("PostgreSQL shut down cleanly").doesNotExist();
        }

        private static String logTails() {
            try (Stream<Path> logs = Files.list(dataDir.resolve("logs"))) {
                StringBuilder tails = new StringBuilder();
                for (Path log : logs.toList()) {
                    List<String> lines = Files.readAllLines(log);
                    tails.append("\n== ").append(log.getFileName()).append('\n')
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
                }
                return tails.toString();
            } catch (IOException e) {
                return "\n(no logs: " + e.getMessage() + ")";
            }
        }
    }
}
