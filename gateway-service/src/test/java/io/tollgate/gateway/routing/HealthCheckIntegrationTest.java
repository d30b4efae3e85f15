package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.gateway.support.FakeUpstream;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Active health checks over real HTTP: a deployment whose provider stops answering leaves the rotation on its check,
 * before any client request meets it, and returns by itself when the provider answers again. Checks are counted, never
 * metered.
 */
class HealthCheckIntegrationTest extends GatewayIntegrationTest {

    private static final String CLIENT_TEXT = "Check me through a healthy deployment.";
    /** Its own upstream: the checks' requests stay away from the shared one, whose calls other tests count. */
    private static final FakeUpstream CHECKED = FakeUpstream.start();

    @Autowired
    private MeterRegistry registry;

    @AfterAll
    static void stopUpstream() {
        CHECKED.close();
    }

    @Test
    void a_dead_deployment_leaves_the_rotation_on_its_health_check_and_returns_when_it_answers_again() {
        var world = world();
        String primary = "checked-primary-" + UUID.randomUUID();
        UUID checkedProvider = SEEDER.openAiCompatibleProvider(CHECKED.baseUrl());
        SEEDER.jdbc().sql("update providers set settings = '{\"" + HealthChecks.INTERVAL_SETTING + "\": 1}'::jsonb where id = ?")
                .param(checkedProvider).update();
        String checkedName = SEEDER.jdbc().sql("select name from providers where id = ?").param(checkedProvider)
                .query(String.class).single();
        String model = SEEDER.model(checkedProvider, primary, "1", "1", "1");
        SEEDER.deployment(model, SEEDER.openAiCompatibleProvider(CHECKED.baseUrl()), "gpt-4o-backup", 1);
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).size() == 2
                && s.approvedSubscription(world.app(), m.id()).isPresent()).orElse(false));
        UUID deployment = SEEDER.deploymentOf(model, primary);
        try {
            leavesAndReturns(world, model, primary, deployment, checkedName);
        } finally {
            SEEDER.jdbc().sql("update providers set settings = '{}'::jsonb where id = ?").param(checkedProvider).update();
            awaitSnapshot(s -> s.provider(checkedProvider).map(p -> p.settings().isEmpty()).orElse(false));
        }
    }

    private void leavesAndReturns(World world, String model, String primary, UUID deployment, String checkedName) {
        await(() -> checks(deployment, "passed") >= 1, Duration.ofSeconds(10), "a passing health check");
        assertThat(chat(world, model).statusCode()).isEqualTo(200);
        assertThat(clientRequestsTo(primary)).as("the healthy primary serves").isEqualTo(1);

        // checks are serial per deployment: once one fails after this, none passes until the provider recovers
        double failedBefore = checks(deployment, "failed");
        CHECKED.fail(primary);
        await(() -> checks(deployment, "failed") > failedBefore, Duration.ofSeconds(10), "a failing health check");
        for (int i = 0; i < 5; i++) {
            var response = chat(world, model);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-tollgate-attempts")).hasValue("1");
        }
        assertThat(clientRequestsTo(primary)).as("no client request reaches the dead primary").isEqualTo(1);
        assertThat(attempts(checkedName, "failed")).as("no failed attempt on the dead primary").isZero();

        CHECKED.recover(primary);
        double passedBefore = checks(deployment, "passed");
        await(() -> checks(deployment, "passed") > passedBefore, Duration.ofSeconds(10), "a passing check again");
        await(() -> chat(world, model).statusCode() == 200 && clientRequestsTo(primary) > 1, Duration.ofSeconds(10),
                "the primary serving again");
        assertThat(attempts(checkedName, "failed")).isZero();

        int served = clientRequestsTo(primary);
        int onPrimary = SEEDER.jdbc().sql("select count(*) from usage_events where deployment_id = ?").param(deployment)
                .query(Integer.class).single();
        await(() -> SEEDER.jdbc().sql("select count(*) from usage_events where deployment_id = ?").param(deployment)
                .query(Integer.class).single() >= served, Duration.ofSeconds(10), "the primary's usage events");
        assertThat(SEEDER.jdbc().sql("select count(*) from usage_events where deployment_id = ?").param(deployment)
                .query(Integer.class).single())
                .as("health checks (at least %s) are not metered", checks(deployment, "passed")).isEqualTo(served)
                .isGreaterThanOrEqualTo(onPrimary);
        assertThat(CHECKED.receivedFor(primary).size()).as("the checks did reach the provider").isGreaterThan(served);
    }

    private HttpResponse<String> chat(World world, String model) {
        return postJson("/chat/completions", world.key().plaintext(), "{\"model\":\"" + model
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"" + CLIENT_TEXT + "\"}]}");
    }

    private int clientRequestsTo(String upstreamModel) {
        return (int) CHECKED.receivedFor(upstreamModel).stream().filter(r -> r.body().contains(CLIENT_TEXT)).count();
    }

    private double checks(UUID deployment, String outcome) {
        var counter = registry.find("tollgate.gateway.health.checks").tag("deployment", deployment.toString())
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double attempts(String provider, String outcome) {
        return registry.find("tollgate.gateway.upstream.attempts").tag("provider", provider).tag("outcome", outcome)
                .counters().stream().mapToDouble(Counter::count).sum();
    }
}
