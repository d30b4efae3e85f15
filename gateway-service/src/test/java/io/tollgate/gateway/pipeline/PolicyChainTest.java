package io.tollgate.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.gateway.auth.ApiKeyPolicy;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.Snapshots;
import io.tollgate.gateway.subscription.SubscriptionPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The chain runs its policies in their order until the first refusal, whether a policy decides at once or waits;
 * what a policy holds for the request is given back once when the request ends, however far the chain got.
 */
class PolicyChainTest {

    private static final Rejection FORBIDDEN = Rejection.forbidden("model", "model_not_subscribed", "No subscription.");
    private static final Rejection RATE_LIMITED = new Rejection(429, "requests", null, "rate_limit_exceeded",
            "Rate limit reached.");

    /** The policies in the order they ran. */
    private final List<String> ran = new ArrayList<>();
    /** How many times each policy's end-of-request hook ran. */
    private final Map<String, AtomicInteger> released = new ConcurrentHashMap<>();
    private final RequestContext context = Requests.arriving(ConfigSnapshot.empty(Requests.RECEIVED_AT), Endpoint.CHAT,
            Requests.chat("gpt-4o", "Hello"), null, Requests.RECEIVED_AT);

    @Test
    void runs_the_policies_by_their_order_whatever_the_order_they_are_given_in() {
        var chain = new PolicyChain(List.of(step("routing", PolicyOrder.ROUTING), step("auth", PolicyOrder.AUTH),
                step("limits", PolicyOrder.LIMITS), step("subscription", PolicyOrder.SUBSCRIPTION)));

        var decision = chain.apply(context);

        assertThat(PolicyChain.passedAtOnce(decision)).isTrue();
        assertThat(ran).containsExactly("auth", "subscription", "limits", "routing");
        assertThat(chain.policies()).extracting(GatewayPolicy::getOrder)
                .containsExactly(PolicyOrder.AUTH, PolicyOrder.SUBSCRIPTION, PolicyOrder.LIMITS, PolicyOrder.ROUTING);
    }

    @Test
    void the_first_refusal_is_the_answer_and_no_later_policy_runs() {
        var chain = new PolicyChain(List.of(step("auth", PolicyOrder.AUTH),
                refusing("subscription", PolicyOrder.SUBSCRIPTION, FORBIDDEN),
                refusing("limits", PolicyOrder.LIMITS, RATE_LIMITED), step("routing", PolicyOrder.ROUTING)));

        var decision = chain.apply(context);

        assertThat(decision.block()).isSameAs(FORBIDDEN);
        assertThat(ran).containsExactly("auth", "subscription");
    }

    @Test
    void after_a_policy_that_waits_the_rest_of_the_chain_runs_when_it_has_let_the_request_through() {
        var chain = new PolicyChain(List.of(step("auth", PolicyOrder.AUTH),
                waiting("limits", PolicyOrder.LIMITS, null), step("routing", PolicyOrder.ROUTING)));

        var decision = chain.apply(context);

        assertThat(PolicyChain.passedAtOnce(decision)).isFalse();
        assertThat(ran).as("nothing after the waiting policy runs before it answers").containsExactly("auth", "limits");
        assertThat(decision.block(Duration.ofSeconds(5))).isNull();
        assertThat(ran).containsExactly("auth", "limits", "routing");
    }

    @Test
    void a_refusal_after_waiting_stops_the_chain_too() {
        var chain = new PolicyChain(List.of(step("auth", PolicyOrder.AUTH),
                waiting("limits", PolicyOrder.LIMITS, RATE_LIMITED), step("budget", PolicyOrder.BUDGET),
                step("routing", PolicyOrder.ROUTING)));

        assertThat(chain.apply(context).block(Duration.ofSeconds(5))).isSameAs(RATE_LIMITED);
        assertThat(ran).containsExactly("auth", "limits");
    }

    @Test
    void apply_through_an_order_runs_only_the_policies_up_to_it() {
        var chain = new PolicyChain(List.of(step("auth", PolicyOrder.AUTH),
                step("subscription", PolicyOrder.SUBSCRIPTION),
                refusing("limits", PolicyOrder.LIMITS, RATE_LIMITED), step("routing", PolicyOrder.ROUTING)));

        assertThat(chain.applyThrough(context, PolicyOrder.SUBSCRIPTION).block()).isNull();
        assertThat(ran).containsExactly("auth", "subscription");
    }

    @Test
    void when_the_request_ends_each_hook_of_the_policies_that_ran_runs_once_whether_it_passed_or_was_refused() {
        var passing = new PolicyChain(List.of(step("auth", PolicyOrder.AUTH), step("limits", PolicyOrder.LIMITS)));
        var refusing = new PolicyChain(List.of(step("subscription", PolicyOrder.SUBSCRIPTION),
                waiting("budget", PolicyOrder.BUDGET, RATE_LIMITED), step("cache", PolicyOrder.CACHE)));
        var refused = Requests.arriving(context.snapshot(), Endpoint.CHAT, "{}", null, Requests.RECEIVED_AT);

        assertThat(passing.apply(context).block()).isNull();
        assertThat(refusing.apply(refused).block(Duration.ofSeconds(5))).isSameAs(RATE_LIMITED);
        assertThat(released).as("nothing is given back before the request ends").isEmpty();
        context.complete();
        refused.complete();
        // a second ending (a cancel after the answer) gives nothing back again
        context.complete();
        refused.complete();

        assertThat(released).containsOnlyKeys("auth", "limits", "subscription", "budget");
        assertThat(released.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void the_real_policies_take_their_places_by_their_order_and_a_refused_caller_never_reaches_the_subscription() {
        String revokedKey = "tg_Revoked0abcdefghijklmnopqrstuvwx";
        var world = Snapshots.builder();
        var app = world.app(world.tenant("acme"), "support-bot");
        world.key(app, revokedKey, true, null);
        world.subscription(app, world.model("gpt-4o"));
        var chain = new PolicyChain(List.of(new SubscriptionPolicy(), new ApiKeyPolicy(Snapshots.HASHER)));
        var revoked = Requests.arriving(world.build(), Endpoint.CHAT, Requests.chat("gpt-4o", "Hello"),
                revokedKey, Requests.RECEIVED_AT);

        assertThat(chain.policies()).extracting(Object::toString)
                .containsExactly("ApiKeyPolicy[1000]", "SubscriptionPolicy[2000]");
        assertThat(chain.apply(revoked).block()).extracting(Rejection::status, Rejection::code)
                .containsExactly(401, "api_key_revoked");
        assertThat(revoked.model()).isEmpty();
    }

    @Test
    void a_policy_that_fails_makes_the_decision_fail_instead_of_throwing_at_the_caller() {
        var failure = new IllegalStateException("budget ledger broken");
        var chain = new PolicyChain(List.of(step("limits", PolicyOrder.LIMITS),
                new Fake("budget", PolicyOrder.BUDGET, () -> Mono.error(failure)),
                step("routing", PolicyOrder.ROUTING)));

        assertThatCode(() -> chain.apply(context)).doesNotThrowAnyException();
        assertThatThrownBy(() -> chain.apply(context).block()).isSameAs(failure);
        assertThat(ran).doesNotContain("routing");
    }

    @Test
    void a_policy_that_throws_makes_the_decision_fail_instead_of_throwing_at_the_caller() {
        var failure = new IllegalStateException("snapshot inconsistent");
        var chain = new PolicyChain(List.of(step("limits", PolicyOrder.LIMITS),
                new Fake("budget", PolicyOrder.BUDGET, () -> {
                    throw failure;
                }),
                step("routing", PolicyOrder.ROUTING)));

        assertThatCode(() -> chain.apply(context)).doesNotThrowAnyException();
        assertThatThrownBy(() -> chain.apply(context).block()).isSameAs(failure);
        assertThat(ran).doesNotContain("routing");
    }

    @Test
    void a_hook_registered_after_the_request_ended_runs_at_once() {
        context.complete();
        var runs = new AtomicInteger();

        context.onCompletion(runs::incrementAndGet);
        context.complete();

        assertThat(runs).hasValue(1);
    }

    @Test
    void two_endings_that_race_run_each_hook_once() throws InterruptedException {
        var runs = new AtomicInteger();
        var firstRunning = new CountDownLatch(1);
        var secondDone = new CountDownLatch(1);
        context.onCompletion(() -> {
            if (runs.incrementAndGet() == 1) {
                firstRunning.countDown();
                await(secondDone);
            }
        });
        var first = Thread.ofPlatform().start(() -> {
            try {
                context.complete();
            } catch (RuntimeException ignored) {
                // what the first ending meets is not the point: how many times the hook ran is
            }
        });
        assertThat(firstRunning.await(5, TimeUnit.SECONDS)).isTrue();

        context.complete();
        secondDone.countDown();
        first.join(Duration.ofSeconds(5));

        assertThat(runs).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A policy that decides at once to let the request through. */
    private Fake step(String name, int order) {
        return new Fake(name, order, Mono::empty);
    }

    /** A policy that decides at once to refuse the request. */
    private Fake refusing(String name, int order, Rejection rejection) {
        return new Fake(name, order, () -> Mono.just(rejection));
    }

    /** A policy that answers later, on another thread, as one waiting for Redis does. */
    private Fake waiting(String name, int order, @Nullable Rejection rejection) {
        return new Fake(name, order,
                () -> Mono.delay(Duration.ofMillis(20)).flatMap(tick -> Mono.justOrEmpty(rejection)));
    }

    private interface Decision {
        Mono<Rejection> decide();
    }

    /** Notes that it ran and holds something until the request ends, like the limits policy's permits. */
    private final class Fake implements GatewayPolicy {

        private final String name;
        private final int order;
        private final Decision decision;

        Fake(String name, int order, Decision decision) {
            this.name = name;
            this.order = order;
            this.decision = decision;
        }

        @Override
        public Mono<Rejection> apply(RequestContext request) {
            ran.add(name);
            request.onCompletion(() -> released.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet());
            return decision.decide();
        }

        @Override
        public int getOrder() {
            return order;
        }

        @Override
        public String toString() {
            return name + "[" + order + "]";
        }
    }
}
