package io.tollgate.gateway.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PolicyChain;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.Requests;
import io.tollgate.gateway.snapshot.AppEntry;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.Snapshots;
import io.tollgate.gateway.snapshot.SubscriptionEntry;
import io.tollgate.model.plan.PlanLimits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Only an app's APPROVED subscription admits it to a model. The snapshot holds approved subscriptions only (the
 * loader reads {@code status = 'APPROVED'}), so a pending or rejected one is, for the gateway, no subscription.
 */
class SubscriptionPolicyTest {

    private final SubscriptionPolicy policy = new SubscriptionPolicy();
    private final Snapshots.Builder world = Snapshots.builder();
    private final ModelEntry gpt4o = world.model("gpt-4o");
    private final ModelEntry mini = world.model("gpt-4o-mini");
    private final AppEntry acmeBot = world.app(world.tenant("acme"), "support-bot");
    /** Another tenant's app of the same name, subscribed to nothing. */
    private final AppEntry globexBot = world.app(world.tenant("globex"), "support-bot");
    private final SubscriptionEntry acmeToGpt4o = world.subscription(acmeBot, gpt4o,
            PlanLimits.ofNullable(60, null, 10_000L, null, 2, null));
    private final RequestContext.Caller acme = world.caller(acmeBot);
    private final RequestContext.Caller globex = world.caller(globexBot);
    private final ConfigSnapshot snapshot = world.build();

    @Test
    void an_approved_subscription_admits_the_app_and_puts_the_model_and_its_limits_on_the_request() {
        var context = request(acme, "gpt-4o");

        var decision = policy.apply(context);

        assertThat(PolicyChain.passedAtOnce(decision)).isTrue();
        assertThat(context.model()).containsSame(gpt4o);
        assertThat(context.subscription()).containsSame(acmeToGpt4o);
        assertThat(context.subscription().orElseThrow().limits().requestsPerMinute()).hasValue(60);
    }

    @Test
    void a_model_the_app_holds_no_approved_subscription_to_is_403_model_not_subscribed() {
        var context = request(acme, "gpt-4o-mini");

        assertThat(refusal(context)).isEqualTo(new Rejection(403, "permission_error", "model", "model_not_subscribed",
                "The app 'support-bot' has no approved subscription to the model 'gpt-4o-mini'. Request access in the "
                        + "portal."));
        assertThat(context.model()).isEmpty();
        assertThat(context.subscription()).isEmpty();
    }

    @Test
    void another_tenants_subscription_never_admits_an_app_even_of_the_same_name() {
        var context = request(globex, "gpt-4o");

        assertThat(refusal(context)).isEqualTo(new Rejection(403, "permission_error", "model", "model_not_subscribed",
                "The app 'support-bot' has no approved subscription to the model 'gpt-4o'. Request access in the "
                        + "portal."));
        assertThat(context.subscription()).isEmpty();
        assertThat(snapshot.approvedSubscription(acmeBot.id(), gpt4o.id())).as("acme's own is there")
                .containsSame(acmeToGpt4o);
    }

    @Test
    void a_model_missing_from_the_catalog_is_404_model_not_found_before_any_subscription_is_looked_at() {
        var context = request(acme, "gpt-5-turbo");

        assertThat(refusal(context)).isEqualTo(new Rejection(404, "invalid_request_error", "model", "model_not_found",
                "The model 'gpt-5-turbo' does not exist or you do not have access to it."));
        assertThat(context.model()).isEmpty();
    }

    @Test
    void model_names_are_matched_exactly() {
        assertThat(refusal(request(acme, "GPT-4o"))).extracting(Rejection::status, Rejection::code)
                .containsExactly(404, "model_not_found");
        assertThat(refusal(request(acme, "gpt-4o "))).extracting(Rejection::status, Rejection::code)
                .containsExactly(404, "model_not_found");
    }

    @Test
    void each_model_needs_its_own_subscription() {
        assertThat(snapshot.model(mini.name())).as("in the catalog").isPresent();

        assertThat(refusal(request(acme, "gpt-4o"))).isNull();
        assertThat(refusal(request(acme, "gpt-4o-mini"))).extracting(Rejection::code).isEqualTo("model_not_subscribed");
    }

    private RequestContext request(RequestContext.Caller caller, String model) {
        return Requests.authenticated(snapshot, caller, Endpoint.CHAT, Requests.chat(model, "Hello"));
    }

    private @Nullable Rejection refusal(RequestContext context) {
        return policy.apply(context).block();
    }
}
