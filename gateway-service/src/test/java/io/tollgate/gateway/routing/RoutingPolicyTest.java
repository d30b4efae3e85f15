package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PolicyChain;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.Requests;
import io.tollgate.gateway.provider.ProviderAdapter;
import io.tollgate.gateway.provider.ProviderRegistry;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.snapshot.AppEntry;
import io.tollgate.gateway.snapshot.DeploymentEntry;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.ModelRouting;
import io.tollgate.gateway.snapshot.ProviderEntry;
import io.tollgate.gateway.snapshot.RoutingStrategy;
import io.tollgate.gateway.snapshot.Snapshots;
import io.tollgate.gateway.subscription.SubscriptionPolicy;
import io.tollgate.model.catalog.ProviderType;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * Where a request goes: the route it takes first and the ones kept for failover, the fallback models, and the
 * refusals when no deployment can take it, all decided before any provider is called.
 */
class RoutingPolicyTest {

    private static final Clock CLOCK = Clock.fixed(Requests.RECEIVED_AT, ZoneOffset.UTC);

    private final DeploymentStates states = new DeploymentStates(RoutingSettings.defaults(), CLOCK);
    /** OpenAI's wire for chat only: no adapter for the other provider types. */
    private final ProviderRegistry registry = new ProviderRegistry(List.of(
            new DescribedAdapter(ProviderType.OPENAI, Set.of(Endpoint.CHAT))));
    private final RoutingPolicy policy = new RoutingPolicy(
            new RoutePlanner(states, registry, new TokenCounter(0), CLOCK));

    private final Snapshots.Builder world = Snapshots.builder();
    private final AppEntry app = world.app(world.tenant("acme"), "support-bot");
    private final RequestContext.Caller caller = world.caller(app);
    private final ProviderEntry openai = world.provider("openai", ProviderType.OPENAI);
    private final ModelEntry gpt4o = world.model("gpt-4o");
    private final ModelEntry mini = world.model("gpt-4o-mini");

    @Test
    void a_request_takes_the_first_deployment_by_priority_and_keeps_the_others_for_failover() {
        var backup = world.deployment(gpt4o, openai, 100, 2);
        var primary = world.deployment(gpt4o, openai, 1, 0);
        var second = world.deployment(gpt4o, openai, 100, 1);
        world.subscription(app, gpt4o);
        var context = request("gpt-4o");

        var decision = policy.apply(context);

        assertThat(PolicyChain.passedAtOnce(decision)).isTrue();
        assertThat(context.routes()).extracting(route -> route.deployment().id())
                .containsExactly(primary.id(), second.id(), backup.id());
        assertThat(context.route()).hasValue(new RequestContext.Route(gpt4o, primary, openai));
    }

    @Test
    void a_deployment_of_weight_zero_is_tried_only_after_the_others_of_its_tier() {
        var failoverOnly = world.deployment(gpt4o, openai, 0, 0);
        var serving = world.deployment(gpt4o, openai, 1, 0);
        world.subscription(app, gpt4o);

        for (int i = 0; i < 20; i++) {
            var context = request("gpt-4o");
            assertThat(refusal(context)).isNull();
            assertThat(context.routes()).extracting(route -> route.deployment().id())
                    .containsExactly(serving.id(), failoverOnly.id());
        }
    }

    @Test
    void the_fallback_models_deployments_follow_the_models_own_in_the_fallbacks_order() {
        var own = world.deployment(gpt4o, openai, 100, 0);
        var fallback = world.deployment(mini, openai, 100, 0);
        world.routing(gpt4o, RoutingStrategy.PRIORITY, new ModelRouting.Fallback(mini, true));
        world.subscription(app, gpt4o);
        var context = request("gpt-4o");

        assertThat(refusal(context)).isNull();

        assertThat(context.routes()).containsExactly(new RequestContext.Route(gpt4o, own, openai),
                new RequestContext.Route(mini, fallback, openai));
        assertThat(context.route().orElseThrow().deployment()).isEqualTo(own);
    }

    @Test
    void while_the_models_deployments_are_out_of_rotation_the_request_goes_to_its_fallback_model() {
        var own = world.deployment(gpt4o, openai, 100, 0);
        var fallback = world.deployment(mini, openai, 100, 0);
        world.routing(gpt4o, RoutingStrategy.PRIORITY, new ModelRouting.Fallback(mini, true));
        world.subscription(app, gpt4o);
        states.of(own.id()).checkFailed(CLOCK.millis() + 60_000);
        var context = request("gpt-4o");

        assertThat(refusal(context)).isNull();

        assertThat(context.route()).hasValue(new RequestContext.Route(mini, fallback, openai));
        assertThat(context.routes()).hasSize(1);
        assertThat(context.model()).as("the requested model stays the subscribed one").hasValue(gpt4o);
    }

    @Test
    void a_fallback_not_covered_by_the_subscription_is_used_only_by_an_app_subscribed_to_it() {
        var own = world.deployment(gpt4o, openai, 100, 0);
        var fallback = world.deployment(mini, openai, 100, 0);
        world.routing(gpt4o, RoutingStrategy.PRIORITY, new ModelRouting.Fallback(mini, false));
        world.subscription(app, gpt4o);
        var subscribedApp = world.app(world.tenant("globex"), "writer");
        world.subscription(subscribedApp, gpt4o);
        world.subscription(subscribedApp, mini);
        var subscribed = world.caller(subscribedApp);
        states.of(own.id()).checkFailed(CLOCK.millis() + 60_000);

        assertThat(refusal(request("gpt-4o"))).isEqualTo(new Rejection(503, "server_error", null,
                "deployments_unavailable", "Every deployment of this model is failing and out of the rotation for "
                + "now; retry shortly.", "1"));
        var context = request(subscribed, Endpoint.CHAT, Requests.chat("gpt-4o", "Hello", 100));
        assertThat(refusal(context)).isNull();
        assertThat(context.route()).hasValue(new RequestContext.Route(mini, fallback, openai));
    }

    @Test
    void a_model_without_a_deployment_is_503_no_deployment_and_gets_no_route() {
        world.subscription(app, gpt4o);
        var context = request("gpt-4o");

        assertThat(refusal(context)).isEqualTo(new Rejection(503, "server_error", null, "no_deployment",
                "The model 'gpt-4o' has no available deployment."));
        assertThat(context.routes()).isEmpty();
        assertThat(context.route()).isEmpty();
    }

    @Test
    void a_deployment_whose_provider_is_not_in_the_snapshot_is_no_deployment() {
        world.deployment(new DeploymentEntry(UUID.randomUUID(), gpt4o.id(), UUID.randomUUID(), "gpt-4o", 100, 0));
        world.subscription(app, gpt4o);

        assertThat(refusal(request("gpt-4o"))).extracting(Rejection::status, Rejection::code)
                .containsExactly(503, "no_deployment");
    }

    @Test
    void a_model_served_only_by_a_provider_type_without_an_adapter_is_503_provider_unsupported() {
        world.deployment(gpt4o, world.provider("anthropic", ProviderType.ANTHROPIC), 100, 0);
        world.subscription(app, gpt4o);

        assertThat(refusal(request("gpt-4o"))).isEqualTo(new Rejection(503, "server_error", null,
                "provider_unsupported",
                "The provider of this model (ANTHROPIC) is not supported by this gateway yet."));
    }

    @Test
    void an_endpoint_the_models_provider_lacks_is_400_endpoint_not_supported() {
        world.deployment(gpt4o, openai, 100, 0);
        world.subscription(app, gpt4o);
        var context = request(caller, Endpoint.EMBEDDINGS, "{\"model\":\"gpt-4o\",\"input\":\"Hello\"}");

        assertThat(refusal(context)).isEqualTo(new Rejection(400, "invalid_request_error", "model",
                "endpoint_not_supported",
                "The model 'gpt-4o' is served by a provider (OPENAI) without this endpoint."));
    }

    @Test
    void a_model_whose_deployments_are_at_their_provider_capacity_is_503_with_retry_after() {
        var capped = world.deployment(new DeploymentEntry(UUID.randomUUID(), gpt4o.id(), openai.id(), "gpt-4o", 100, 0,
                1, null, null, null, null, null, null));
        world.subscription(app, gpt4o);
        assertThat(refusal(request("gpt-4o"))).as("the first request fits").isNull();
        states.of(capped.id()).started(0, System.nanoTime());

        assertThat(refusal(request("gpt-4o"))).isEqualTo(new Rejection(503, "server_error", null,
                "deployments_saturated", "Every deployment of 'gpt-4o' is at its provider capacity or cooling down; "
                + "retry shortly.", "1"));
    }

    @Test
    void a_request_that_fits_no_context_window_of_the_model_or_its_fallbacks_is_400_context_length_exceeded() {
        var small = world.model("small", 50);
        var smaller = world.model("smaller", 40);
        world.deployment(small, openai, 100, 0);
        world.deployment(smaller, openai, 100, 0);
        world.routing(small, RoutingStrategy.PRIORITY, new ModelRouting.Fallback(smaller, true));
        world.subscription(app, small);

        assertThat(refusal(request("small"))).isEqualTo(new Rejection(400, "invalid_request_error", "messages",
                "context_length_exceeded", "The request does not fit the context window of 'small' (50 tokens), nor "
                + "of any fallback model this app may use."));
    }

    @Test
    void an_unknown_model_is_refused_404_before_routing_looks_for_a_deployment() {
        world.deployment(gpt4o, openai, 100, 0);
        world.subscription(app, gpt4o);
        var chain = new PolicyChain(List.of(policy, new SubscriptionPolicy()));
        var context = Requests.authenticated(world.build(), caller, Endpoint.CHAT, Requests.chat("gpt-5", "Hello"));

        assertThat(chain.apply(context).block()).extracting(Rejection::status, Rejection::code)
                .containsExactly(404, "model_not_found");
        assertThat(context.routes()).isEmpty();
        assertThat(context.route()).isEmpty();
    }

    private RequestContext request(String model) {
        return request(caller, Endpoint.CHAT, Requests.chat(model, "Hello", 100));
    }

    private RequestContext request(RequestContext.Caller caller, Endpoint endpoint, String body) {
        return Requests.subscribed(world.build(), caller, endpoint, body);
    }

    private @Nullable Rejection refusal(RequestContext context) {
        return policy.apply(context).block();
    }

    /** An adapter that only says which provider type and endpoints it serves: routing never calls a provider. */
    private record DescribedAdapter(ProviderType type, Set<Endpoint> endpoints) implements ProviderAdapter {

        @Override
        public boolean supports(ProviderType type) {
            return this.type == type;
        }

        @Override
        public boolean serves(Endpoint endpoint) {
            return endpoints.contains(endpoint);
        }

        @Override
        public Mono<ProviderReply> send(UpstreamRequest request) {
            throw new UnsupportedOperationException("routing calls no provider");
        }

        @Override
        public ProviderStream stream(UpstreamRequest request) {
            throw new UnsupportedOperationException("routing calls no provider");
        }
    }
}
