package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.provider.ProviderRegistry;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.UpstreamHttps;
import io.tollgate.gateway.provider.openai.OpenAiAdapter;
import io.tollgate.gateway.snapshot.AppEntry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.DeploymentEntry;
import io.tollgate.gateway.snapshot.KeyEntry;
import io.tollgate.gateway.snapshot.LimitSettings;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.ModelRouting;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.gateway.snapshot.RoutingStrategy;
import io.tollgate.gateway.snapshot.SubscriptionEntry;
import io.tollgate.gateway.snapshot.TenantEntry;
import io.tollgate.model.catalog.ProviderType;
import io.tollgate.model.plan.PlanLimits;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each strategy prefers the deployment it promises to, in a controlled set-up of deployments and their state. */
class RoutePlannerTest {

    private static final ModelEntry MODEL = new ModelEntry(UUID.randomUUID(), "gpt-4o", "GPT-4o", Set.of("chat"),
            128_000, Instant.EPOCH);
    private static final ProviderEntry PROVIDER = new ProviderEntry(UUID.randomUUID(), "openai", ProviderType.OPENAI,
            "https://api.openai.example/v1", "sk-test", Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(5), 1);

    private final UpstreamHttp http = UpstreamHttps.onGlobalLoops(4, 4, Duration.ofSeconds(1));
    private final DeploymentStates states = new DeploymentStates(RoutingSettings.defaults(), Clock.systemUTC());
    private final RoutePlanner planner = new RoutePlanner(states, new ProviderRegistry(List.of(new OpenAiAdapter(http))),
            new TokenCounter(0), Clock.systemUTC());

    @AfterEach
    void close() {
        http.destroy();
    }

    @Test
    void weighted_splits_first_choices_within_two_points_of_the_weights_over_ten_thousand_requests() {
        var canary = deployment(5, 0, null);
        var stable = deployment(95, 0, null);
        var snapshot = snapshot(RoutingStrategy.WEIGHTED, canary, stable);

        Map<UUID, Integer> first = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            first.merge(routes(snapshot).getFirst().deployment().id(), 1, Integer::sum);
        }

        assertThat(first.get(canary.id()) / 100.0).isCloseTo(5.0, within(2.0));
        assertThat(first.get(stable.id()) / 100.0).isCloseTo(95.0, within(2.0));
    }

    @Test
    void priority_tries_the_lowest_priority_value_first_and_keeps_the_rest_for_failover() {
        var backup = deployment(100, 2, null);
        var primary = deployment(1, 0, null);
        var second = deployment(100, 1, null);

        assertThat(routes(snapshot(RoutingStrategy.PRIORITY, backup, primary, second)))
                .extracting(route -> route.deployment().id()).containsExactly(primary.id(), second.id(), backup.id());
    }

    @Test
    void least_busy_prefers_the_deployment_with_fewest_requests_in_flight() {
        var busy = deployment(100, 0, null);
        var idle = deployment(100, 0, null);
        states.of(busy.id()).started(0, System.nanoTime());
        states.of(busy.id()).started(0, System.nanoTime());
        states.of(idle.id()).started(0, System.nanoTime());

        assertThat(routes(snapshot(RoutingStrategy.LEAST_BUSY, busy, idle)).getFirst().deployment().id()).isEqualTo(idle.id());
    }

    @Test
    void lowest_latency_prefers_the_fastest_measured_deployment() {
        var slow = deployment(100, 0, null);
        var fast = deployment(100, 0, null);
        measure(slow, Duration.ofMillis(900));
        measure(fast, Duration.ofMillis(120));

        assertThat(routes(snapshot(RoutingStrategy.LOWEST_LATENCY, slow, fast)))
                .extracting(route -> route.deployment().id()).containsExactly(fast.id(), slow.id());
    }

    @Test
    void lowest_cost_prefers_the_cheapest_provider_cost_and_tries_unknown_costs_last() {
        var unknown = deployment(100, 0, null);
        var dear = deployment(100, 0, new DeploymentEntry.ProviderCost(new BigDecimal("5"), new BigDecimal("15")));
        var cheap = deployment(100, 0, new DeploymentEntry.ProviderCost(new BigDecimal("0.5"), new BigDecimal("1.5")));

        assertThat(routes(snapshot(RoutingStrategy.LOWEST_COST, unknown, dear, cheap)))
                .extracting(route -> route.deployment().id()).containsExactly(cheap.id(), dear.id(), unknown.id());
    }

    @Test
    void a_deployment_at_its_request_capacity_is_left_out() {
        var capped = new DeploymentEntry(UUID.randomUUID(), MODEL.id(), PROVIDER.id(), "gpt-4o", 100, 0, 1, null, null, null, null, null, null);
        var open = deployment(100, 1, null);
        var snapshot = snapshot(RoutingStrategy.PRIORITY, capped, open);

        assertThat(routes(snapshot).getFirst().deployment().id()).isEqualTo(capped.id());
        states.of(capped.id()).started(0, System.nanoTime());
        assertThat(routes(snapshot)).extracting(route -> route.deployment().id()).containsExactly(open.id());
    }

    @Test
    void a_prompt_too_long_for_the_context_window_goes_straight_to_a_fallback_whose_window_fits() {
        var small = new ModelEntry(UUID.randomUUID(), "small", "Small", Set.of("chat"), 50, Instant.EPOCH);
        var own = new DeploymentEntry(UUID.randomUUID(), small.id(), PROVIDER.id(), "small", 100, 0, null, null, null, null, null, null, null);
        var large = deployment(100, 0, null);
        var snapshot = new ConfigSnapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(small.name(), small, MODEL.name(), MODEL), Map.of(small.id(), List.of(own), MODEL.id(), List.of(large)),
                Map.of(PROVIDER.id(), PROVIDER), Map.of(), Map.of(), new LimitSettings(Map.of(), Map.of()),
                Map.of(small.id(), new ModelRouting(RoutingStrategy.PRIORITY, List.of(new ModelRouting.Fallback(MODEL, true)))));

        // 100 completion tokens alone exceed the small model's 50-token window
        assertThat(routes(snapshot, small)).extracting(route -> route.deployment().id()).containsExactly(large.id());
    }

    private void measure(DeploymentEntry deployment, Duration latency) {
        var health = states.of(deployment.id());
        health.started(0, System.nanoTime());
        health.succeeded(latency.toNanos());
    }

    private List<RequestContext.Route> routes(ConfigSnapshot snapshot) {
        return routes(snapshot, MODEL);
    }

    private List<RequestContext.Route> routes(ConfigSnapshot snapshot, ModelEntry model) {
        var tenant = new TenantEntry(UUID.randomUUID(), "acme", false, UUID.randomUUID(), BigDecimal.ZERO);
        var app = new AppEntry(UUID.randomUUID(), tenant.id(), "app", true, false, false);
        var context = new RequestContext(UUID.randomUUID(), "req_1", Instant.now(), System.nanoTime(), Endpoint.CHAT,
                null, new byte[0], snapshot, null, new DefaultHttpHeaders());
        context.caller(new RequestContext.Caller(new KeyEntry(UUID.randomUUID(), tenant.id(), app.id(), "tg_abc",
                new byte[32], false, null), app, tenant));
        context.facts(new RequestFacts(model.name(), false, OptionalInt.of(100), false,
                new PromptText(List.of("Hello there"), 1)));
        context.subscribed(model, new SubscriptionEntry(UUID.randomUUID(), tenant.id(), app.id(), model.id(),
                PlanLimits.unlimited()));
        var plan = planner.plan(context);
        assertThat(plan).isInstanceOf(RoutePlanner.Routes.class);
        return ((RoutePlanner.Routes) plan).routes();
    }

    private static DeploymentEntry deployment(int weight, int priority, DeploymentEntry.ProviderCost cost) {
        return new DeploymentEntry(UUID.randomUUID(), MODEL.id(), PROVIDER.id(), "gpt-4o", weight, priority, null, null,
                null, null, null, null, cost);
    }

    private static ConfigSnapshot snapshot(RoutingStrategy strategy, DeploymentEntry... deployments) {
        return new ConfigSnapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(MODEL.name(), MODEL),
                Map.of(MODEL.id(), List.of(deployments)), Map.of(PROVIDER.id(), PROVIDER), Map.of(), Map.of(),
                new LimitSettings(Map.of(), Map.of()), Map.of(MODEL.id(), new ModelRouting(strategy, List.of())));
    }
}
