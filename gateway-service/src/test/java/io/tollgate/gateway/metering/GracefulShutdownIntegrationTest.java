package io.tollgate.gateway.metering;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.Seeder;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.TestPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import io.tollgate.gateway.server.Connections;
import io.tollgate.gateway.support.RawConnection;
import org.junit.jupiter.api.Test;

/**
 * Shutting down mid-load finishes the requests in flight and writes every one of their events; keep-alive
 * connections are closed rather than served after the final drain.
 */
class GracefulShutdownIntegrationTest {

    private static final int REQUESTS = 60;

    @Test
    void shutting_down_mid_load_drains_every_answered_request_into_postgresql() throws Exception {
        var database = TestPostgres.instance().shared();
        var seeder = new Seeder(database.dataSource());
        UUID tenant = seeder.tenant();
        UUID app = seeder.app(tenant);
        var key = seeder.key(tenant, app, null);
        String model = seeder.model(seeder.mockProvider("{\"latencyMs\": 300}"), "mock-gpt", "0.15", "0.075", "0.60");
        seeder.subscribe(tenant, app, model, "APPROVED");
        var http = HttpClient.newHttpClient();
        List<CompletableFuture<Integer>> statuses = new ArrayList<>();

        try (var gateway = StandaloneGateway.start(database, Files.createTempDirectory("spool-shutdown"))) {
            await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(20), "readiness");
            for (int i = 0; i < REQUESTS; i++) {
                statuses.add(http.sendAsync(gateway.chat(key.plaintext(), model), HttpResponse.BodyHandlers.discarding())
                        .thenApply(HttpResponse::statusCode).exceptionally(refused -> -1));
            }
            var connections = gateway.bean(Connections.class);
            await(() -> connections.busy() > 0, Duration.ofSeconds(5), "requests in flight");
        }
        long answered = statuses.stream().map(CompletableFuture::join).filter(status -> status == 200).count();

        assertThat(answered).isPositive();
        var events = seeder.jdbc().sql("select status_code, count(*) as n from usage_events where api_key_id = ? group by status_code")
                .param(key.id()).query().listOfRows();
        long ok = events.stream().filter(row -> row.get("status_code").equals(200)).mapToLong(row -> (Long) row.get("n")).sum();
        assertThat(ok).isEqualTo(answered);
        assertThat(events.stream().mapToLong(row -> (Long) row.get("n")).sum()).isLessThanOrEqualTo(REQUESTS);
    }

    @Test
    void a_stop_closes_idle_keep_alive_connections_at_once_and_answers_the_request_in_flight_with_connection_close()
            throws Exception {
        var database = TestPostgres.instance().shared();
        var seeder = new Seeder(database.dataSource());
        UUID tenant = seeder.tenant();
        UUID app = seeder.app(tenant);
        var key = seeder.key(tenant, app, null);
        String model = seeder.model(seeder.mockProvider("{\"latencyMs\": 1500}"), "mock-gpt", "0.15", "0.075", "0.60");
        seeder.subscribe(tenant, app, model, "APPROVED");

        var gateway = StandaloneGateway.start(database, Files.createTempDirectory("spool-keep-alive"));
        try (var idle = new RawConnection(gateway.baseUrl()); var busy = new RawConnection(gateway.baseUrl())) {
            await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(20), "readiness");
            idle.send(RawConnection.chat(key.plaintext(), model));
            var first = idle.read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.closes()).isFalse();
            busy.send(RawConnection.chat(key.plaintext(), model));
            var connections = gateway.bean(Connections.class);
            await(() -> connections.busy() == 1, Duration.ofSeconds(5), "the second request in flight");

            long stopAt = System.nanoTime();
            var stopping = CompletableFuture.runAsync(gateway::close);
            await(connections::draining, Duration.ofSeconds(5), "the drain to start");

            assertThat(idle.closedWithin(Duration.ofSeconds(1))).as("the idle keep-alive connection is closed").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - stopAt).toMillis())
                    .as("before the request in flight is answered").isLessThan(1000);
            var answered = busy.read();
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.closes()).as("the request in flight is answered with Connection: close").isTrue();
            assertThat(busy.closedWithin(Duration.ofSeconds(2))).isTrue();
            stopping.get(30, TimeUnit.SECONDS);
        }

        assertThat(seeder.jdbc().sql("select count(*) from usage_events where api_key_id = ? and status_code = 200")
                .param(key.id()).query(Integer.class).single()).as("both answered requests are metered").isEqualTo(2);
    }
}
