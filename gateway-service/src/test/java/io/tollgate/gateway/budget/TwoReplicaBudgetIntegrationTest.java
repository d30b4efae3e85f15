package io.tollgate.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.snapshot.BudgetEntry;
import io.tollgate.gateway.snapshot.SnapshotHolder;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.StandaloneGateway;
import io.tollgate.testsupport.TestPostgres;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway replicas on one PostgreSQL: this test's application context and a second one started beside it. They
 * share nothing but the database, as replicas in production do.
 */
class TwoReplicaBudgetIntegrationTest extends GatewayIntegrationTest {

    private static final Budgets BUDGETS = new Budgets(SEEDER.jdbc());
    private static StandaloneGateway replica;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startSecondReplica() throws Exception {
        replica = StandaloneGateway.start(TestPostgres.instance().shared(), Files.createTempDirectory("spool-replica"));
    }

    @AfterAll
    static void stopSecondReplica() {
        replica.close();
    }

    @Test
    void spend_metered_by_one_replica_blocks_on_the_other_within_two_seconds() {
        var world = world();
        UUID budget = BUDGETS.create(world.tenant(), null, null, "0.009", "BLOCK", null);
        BudgetEntry entry = awaitBudgetOnBothReplicas(world.tenant(), budget);
        var replicaLedger = replica.bean(SpendLedger.class);
        SpendKey key = SpendKey.of(entry, Instant.now());
        assertThat(replicaLedger.spent(key)).isZero();

        assertThat(send(baseUrl(), world.key().plaintext(), world.chatModel()).statusCode()).isEqualTo(200);
        assertThat(send(baseUrl(), world.key().plaintext(), world.chatModel()).statusCode()).isEqualTo(200);
        long crossed = System.nanoTime();

        await(() -> replicaLedger.spent(key).compareTo(new BigDecimal("0.009")) >= 0, Duration.ofSeconds(5),
                "the other replica to read the spend");
        Duration seenAfter = Duration.ofNanos(System.nanoTime() - crossed);
        // the other replica has served nothing of this tenant: only PostgreSQL can have told it
        var refused = send(replica.baseUrl() + "/v1", world.key().plaintext(), world.chatModel());

        assertThat(seenAfter).isLessThan(Duration.ofSeconds(2));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("\"code\":\"insufficient_quota\"", budget.toString());
        assertThat(replicaLedger.spent(key)).isEqualByComparingTo(Budgets.CHAT_COST.multiply(BigDecimal.TWO));
    }

    @Test
    void two_replicas_crossing_thresholds_together_write_each_alert_once_and_count_every_cost_once() {
        var world = world();
        Integer[] thresholds = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 250, 300};
        UUID budget = BUDGETS.create(world.tenant(), null, null, "0.05", "ALERT_ONLY", null, thresholds);
        awaitBudgetOnBothReplicas(world.tenant(), budget);
        int requests = 30;

        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            String base = i % 2 == 0 ? baseUrl() : replica.baseUrl() + "/v1";
            responses.add(http.sendAsync(BudgetIntegrationTest.request(base, world.key().plaintext(), world.chatModel(), false),
                    HttpResponse.BodyHandlers.ofString()));
        }
        assertThat(responses.stream().map(CompletableFuture::join).map(HttpResponse::statusCode)).containsOnly(200);

        BigDecimal total = Budgets.CHAT_COST.multiply(BigDecimal.valueOf(requests));
        await(() -> countEvents(world.key().id()) == requests && BUDGETS.spent(budget).compareTo(total) == 0,
                Duration.ofSeconds(10), "every event and its cost");
        assertThat(BUDGETS.alerts(budget)).extracting(a -> a.get("threshold_percent"))
                .as("every threshold up to 283 percent, once").containsExactly(10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 150, 200, 250);
        assertThat(BUDGETS.alerts(budget)).allSatisfy(alert -> assertThat(((BigDecimal) alert.get("spent_usd"))
                .multiply(BigDecimal.valueOf(100))).isGreaterThanOrEqualTo(new BigDecimal("0.05")
                .multiply(BigDecimal.valueOf((Integer) alert.get("threshold_percent")))));
    }

    private BudgetEntry awaitBudgetOnBothReplicas(UUID tenant, UUID budget) {
        var replicaSnapshots = replica.bean(SnapshotHolder.class);
        awaitSnapshot(s -> s.budgets(tenant).stream().anyMatch(b -> b.id().equals(budget)));
        await(() -> replicaSnapshots.current().filter(s -> s.budgets(tenant).stream().anyMatch(b -> b.id().equals(budget))).isPresent(),
                Duration.ofSeconds(10), "the budget on the other replica");
        return replicaSnapshots.current().orElseThrow().budgets(tenant).getFirst();
    }

    private HttpResponse<String> send(String base, String key, String model) {
        try {
            return http.send(BudgetIntegrationTest.request(base, key, model, false), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
