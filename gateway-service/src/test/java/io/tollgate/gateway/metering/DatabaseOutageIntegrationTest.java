package io.tollgate.gateway.metering;

import static io.tollgate.gateway.support.GatewayIntegrationTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.support.Seeder;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.RestartablePostgres;
import io.tollgate.testsupport.TestDatabase;
import io.tollgate.testsupport.TestPostgres;
import java.nio.file.Files;
import java.time.Duration;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** PostgreSQL goes away and comes back: the gateway serves on from its snapshot, spools, replays, counts once. */
class DatabaseOutageIntegrationTest {

    private static final int PER_PHASE = 30;

    @Test
    void a_database_outage_mid_run_loses_no_event_and_counts_none_twice() throws Exception {
        try (RestartablePostgres postgres = TestPostgres.restartable()) {
            TestDatabase database = postgres.database().migrate();
            var seeder = new Seeder(database.dataSource());
            var world = seed(seeder);
            try (var gateway = StandaloneGateway.start(database, Files.createTempDirectory("spool-outage"))) {
                await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(20), "readiness");
                sendAll(gateway, world);

                postgres.stop();
                await(() -> gateway.get("/readyz").body().contains("\"reachable\":false"), Duration.ofSeconds(10),
                        "the outage to show in /readyz");
                assertThat(gateway.get("/readyz").statusCode()).as("still serving from the snapshot").isEqualTo(200);
                sendAll(gateway, world);
                await(() -> gateway.bean(MeteringQueue.class).depth() > 0, Duration.ofSeconds(10), "events to wait in the journal");
                assertThat(gateway.managementGet("/actuator/prometheus").body()).contains("tollgate_gateway_metering_spool_size_bytes");

                postgres.start();
                sendAll(gateway, world);
                await(() -> count(seeder, world.key()) == 3 * PER_PHASE && gateway.bean(MeteringQueue.class).depth() == 0,
                        Duration.ofSeconds(20), "every event in PostgreSQL");
            }
            var sums = seeder.jdbc().sql("""
                            select count(*) as events, count(distinct id) as ids, sum(prompt_tokens) as prompt,
                                   min(prompt_tokens) as one_prompt, sum(completion_tokens) as completion,
                                   min(completion_tokens) as one_completion
                            from usage_events where api_key_id = ?""")
                    .param(world.key()).query().singleRow();
            assertThat(sums.get("events")).isEqualTo(3L * PER_PHASE);
            assertThat(sums.get("ids")).isEqualTo(3L * PER_PHASE);
            assertThat(((Number) sums.get("prompt")).longValue()).isEqualTo(3L * PER_PHASE * ((Number) sums.get("one_prompt")).longValue());
            assertThat(((Number) sums.get("completion")).longValue())
                    .isEqualTo(3L * PER_PHASE * ((Number) sums.get("one_completion")).longValue());
        }
    }

    @Test
    void a_gateway_started_while_the_database_is_down_waits_then_becomes_ready() throws Exception {
        try (RestartablePostgres postgres = TestPostgres.restartable()) {
            TestDatabase database = postgres.database().migrate();
            var world = seed(new Seeder(database.dataSource()));
            postgres.stop();
            try (var gateway = StandaloneGateway.start(database, Files.createTempDirectory("spool-startup"))) {
                assertThat(gateway.get("/healthz").statusCode()).isEqualTo(200);
                assertThat(gateway.get("/readyz").statusCode()).isEqualTo(503);
                assertThat(gateway.send(gateway.chat(world.plaintext(), world.model()))).isEqualTo(503);

                postgres.start();
                await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(20), "readiness");
                assertThat(gateway.send(gateway.chat(world.plaintext(), world.model()))).isEqualTo(200);
            }
        }
    }

    @Test
    void a_journal_at_its_disk_budget_refuses_model_requests_until_postgresql_takes_its_events() throws Exception {
        try (RestartablePostgres postgres = TestPostgres.restartable()) {
            TestDatabase database = postgres.database().migrate();
            var seeder = new Seeder(database.dataSource());
            var world = seed(seeder);
            try (var gateway = StandaloneGateway.start(database, Files.createTempDirectory("spool-full"),
                    Map.of("tollgate.gateway.metering.spool-max-bytes", "64KB"))) {
                await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(20), "readiness");
                postgres.stop();
                int answered = 0;
                HttpResponse<String> refused = null;
                for (int i = 0; i < 2000 && refused == null; i++) {
                    var response = gateway.exchange(gateway.chat(world.plaintext(), world.model()));
                    if (response.statusCode() == 200) {
                        answered++;
                    } else {
                        refused = response;
                    }
                }

                assertThat(answered).as("64 KiB hold a few hundred events").isBetween(100, 1000);
                assertThat(refused).isNotNull();
                assertThat(refused.statusCode()).isEqualTo(503);
                assertThat(refused.body()).contains("\"code\":\"metering_unavailable\"", "\"type\":\"server_error\"");
                var readiness = gateway.get("/readyz");
                assertThat(readiness.statusCode()).isEqualTo(503);
                assertThat(readiness.body()).contains("the usage journal is full");

                postgres.start();
                await(() -> gateway.get("/readyz").statusCode() == 200, Duration.ofSeconds(30),
                        "the journal to drain and readiness to return");
                assertThat(gateway.send(gateway.chat(world.plaintext(), world.model()))).isEqualTo(200);
                int expected = answered + 1;
                await(() -> count(seeder, world.key()) == expected, Duration.ofSeconds(20), "every answered request");
            }
        }
    }

    private record World(UUID key, String plaintext, String model) {
    }

    private static World seed(Seeder seeder) {
        UUID tenant = seeder.tenant();
        UUID app = seeder.app(tenant);
        var key = seeder.key(tenant, app, null);
        String model = seeder.model(seeder.mockProvider("{}"), "mock-gpt", "0.15", "0.075", "0.60");
        seeder.subscribe(tenant, app, model, "APPROVED");
        return new World(key.id(), key.plaintext(), model);
    }

    private static void sendAll(StandaloneGateway gateway, World world) {
        for (int i = 0; i < PER_PHASE; i++) {
            assertThat(gateway.send(gateway.chat(world.plaintext(), world.model()))).isEqualTo(200);
        }
    }

    private static int count(Seeder seeder, UUID key) {
        try {
            return seeder.jdbc().sql("select count(*) from usage_events where api_key_id = ?").param(key)
                    .query(Integer.class).single();
        } catch (RuntimeException databaseStillStarting) {
            return -1;
        }
    }
}
