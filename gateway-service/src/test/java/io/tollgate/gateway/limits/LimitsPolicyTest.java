package io.tollgate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PolicyChain;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.Requests;
import io.tollgate.gateway.request.RequestBodyParser;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.Snapshots;
import io.tollgate.gateway.snapshot.TenantEntry;
import io.tollgate.gateway.support.TestTimeMeter;
import io.tollgate.model.common.TokenUsage;
import io.tollgate.model.plan.PlanLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The limits as callers meet them: what each request draws, the 429s with {@code retry-after} and OpenAI's rate limit
 * headers, token reservations settled with the usage, and concurrency permits given back when a request ends. The
 * buckets are in memory and time stands still unless a test moves it.
 */
class LimitsPolicyTest {

    private static final String MODEL = "gpt-4o";
    private static final String BODY = Requests.chat(MODEL, "Where is my parcel? It left Lyon on Monday.", 100);
    private static final Clock CLOCK = Clock.fixed(Requests.RECEIVED_AT, ZoneOffset.UTC);
    private static final int DEFAULT_MAX_TOKENS = 1024;

    private final TestTimeMeter time = new TestTimeMeter();
    private final LimitsPolicy policy = policy(time);
    private final Snapshots.Builder world = Snapshots.builder();
    private final TenantEntry acme = world.tenant("acme");
    private final ModelEntry model = world.model(MODEL);
    private @Nullable ConfigSnapshot snapshot;

    @Test
    void requests_per_minute_admits_up_to_the_limit_then_answers_429_with_retry_after_until_a_request_is_refilled() {
        var app = app("bot", PlanLimits.ofNullable(2, null, null, null, null, null));

        var first = admitted(app, BODY);
        assertThat(rateHeaders(first, "requests")).containsExactly("2", "1", "30s");
        var second = admitted(app, BODY);
        assertThat(rateHeaders(second, "requests")).containsExactly("2", "0", "1m0s");

        var third = request(app, BODY);
        assertThat(refusal(third)).isEqualTo(new Rejection(429, "requests", null, "rate_limit_exceeded",
                "Rate limit reached for model 'gpt-4o': requests_per_minute of the app (limit 2). Please try again in "
                        + "30s."));
        assertThat(third.responseHeaders().get("retry-after")).isEqualTo("30");
        assertThat(rateHeaders(third, "requests")).startsWith("2", "0");

        time.advance(Duration.ofSeconds(29));
        assertThat(refusal(request(app, BODY))).extracting(Rejection::status).isEqualTo(429);
        time.advance(Duration.ofSeconds(1));
        assertThat(rateHeaders(admitted(app, BODY), "requests")).containsExactly("2", "0", "1m0s");
    }

    @Test
    void tokens_are_reserved_for_the_prompt_and_max_tokens_and_settled_with_the_usage_when_the_request_ends() {
        var app = app("bot", PlanLimits.ofNullable(null, null, 10_000L, null, null, null));
        long prompt = promptTokens(BODY);
        long reserve = prompt + 100;

        var first = admitted(app, BODY);
        assertThat(first.promptTokens()).hasValue(prompt);
        assertThat(rateHeaders(first, "tokens")).startsWith("10000", Long.toString(10_000 - reserve));

        first.outcome().usage(TokenUsage.of(prompt, 20), false);
        first.complete();
        var second = admitted(app, BODY);
        assertThat(remainingTokens(second)).as("the first gave back what it did not use")
                .isEqualTo(10_000 - (prompt + 20) - reserve);

        second.outcome().usage(TokenUsage.of(prompt, 600), false);
        second.complete();
        var third = admitted(app, BODY);
        assertThat(remainingTokens(third)).as("the second took the 500 tokens it used beyond its reservation")
                .isEqualTo(10_000 - (prompt + 20) - (prompt + 600) - reserve);
    }

    @Test
    void a_request_that_ends_without_usage_gives_its_whole_reservation_back_once() {
        var app = app("bot", PlanLimits.ofNullable(null, null, 10_000L, null, null, null));
        long reserve = promptTokens(BODY) + 100;

        var failed = admitted(app, BODY);
        failed.complete();
        failed.complete();

        assertThat(remainingTokens(admitted(app, BODY))).isEqualTo(10_000 - reserve);
    }

    @Test
    void without_max_tokens_the_reservation_is_the_models_maximum_output_else_the_default_for_each_choice() {
        var app = app("bot", PlanLimits.ofNullable(null, null, 100_000L, null, null, null));
        var other = world.model("other");
        world.subscription(app.app(), other, PlanLimits.ofNullable(null, null, 100_000L, null, null, null));
        world.maxOutputTokens(model, 500);
        String noMax = Requests.chat(MODEL, "Hello");
        String twoChoices = "{\"model\":\"gpt-4o\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
        String otherModel = Requests.chat("other", "Hello");

        assertThat(remainingTokens(admitted(app, noMax))).isEqualTo(100_000 - promptTokens(noMax) - 500);
        assertThat(remainingTokens(admitted(app, twoChoices))).isEqualTo(100_000 - promptTokens(noMax) - 500
                - promptTokens(twoChoices) - 2 * 500);
        assertThat(remainingTokens(admitted(app, otherModel))).isEqualTo(100_000 - promptTokens(otherModel)
                - DEFAULT_MAX_TOKENS);
    }

    @Test
    void tokens_per_minute_answers_429_with_the_wait_for_the_missing_tokens() {
        long reserve = promptTokens(BODY) + 100;
        long limit = reserve + reserve / 2;
        var app = app("bot", PlanLimits.ofNullable(null, null, limit, null, null, null));

        admitted(app, BODY);
        var refused = request(app, BODY);
        var rejection = refusal(refused);

        long missing = reserve - (limit - reserve);
        long seconds = Math.ceilDiv(missing * 60, limit);
        assertThat(rejection).isEqualTo(new Rejection(429, "tokens", null, "rate_limit_exceeded",
                "Rate limit reached for model 'gpt-4o': tokens_per_minute of the app (limit " + limit + "). Please try "
                        + "again in " + seconds + "s."));
        assertThat(refused.responseHeaders().get("retry-after")).isEqualTo(Long.toString(seconds));
        assertThat(refused.responseHeaders().get("x-ratelimit-remaining-tokens"))
                .isEqualTo(Long.toString(limit - reserve));
    }

    @Test
    void a_request_larger_than_a_token_limit_is_429_request_too_large_without_drawing_or_retry_after() {
        long reserve = promptTokens(BODY) + 100;
        var app = app("bot", PlanLimits.ofNullable(3, null, reserve - 1, null, null, null));

        var tooLarge = request(app, BODY);

        assertThat(refusal(tooLarge)).isEqualTo(new Rejection(429, "tokens", null, "rate_limit_exceeded",
                "Request too large for model 'gpt-4o': it needs about " + reserve + " tokens, more than the "
                        + "tokens_per_minute of the app (limit " + (reserve - 1) + "). Reduce the prompt or "
                        + "max_tokens."));
        assertThat(tooLarge.responseHeaders().get("retry-after")).isNull();
        var small = Requests.chat(MODEL, "Where is my parcel? It left Lyon on Monday.", 10);
        assertThat(rateHeaders(admitted(app, small), "requests")).as("no request was drawn for the refused one")
                .startsWith("3", "2");
    }

    @Test
    void a_request_refused_by_one_limit_gives_back_what_the_others_granted() {
        long reserve = promptTokens(BODY) + 100;
        var app = app("bot", PlanLimits.ofNullable(3, null, 2 * reserve - 1, null, null, null));

        var first = admitted(app, BODY);
        assertThat(refusal(request(app, BODY))).extracting(Rejection::type).isEqualTo("tokens");
        first.complete();

        assertThat(rateHeaders(admitted(app, BODY), "requests")).as("the refused request's draw was given back")
                .startsWith("3", "1");
    }

    @Test
    void a_concurrent_request_over_the_limit_is_429_at_once_and_a_permit_returns_exactly_once_when_its_request_ends() {
        var app = app("bot", PlanLimits.ofNullable(null, null, null, null, 1, null));

        var first = admitted(app, BODY);
        var second = request(app, BODY);
        assertThat(refusal(second)).isEqualTo(new Rejection(429, "requests", null, "rate_limit_exceeded",
                "Too many concurrent requests: max_concurrent_requests of the app (limit 1). Retry when one of your "
                        + "requests has finished."));
        assertThat(second.responseHeaders().get("retry-after")).isEqualTo("1");
        second.complete();
        assertThat(refusal(request(app, BODY))).as("a refused request releases no one else's permit").isNotNull();

        first.complete();
        first.complete();
        admitted(app, BODY);
        assertThat(refusal(request(app, BODY))).as("the first request's permit came back once only").isNotNull();
    }

    @Test
    void an_apps_permit_taken_before_the_tenants_ceiling_refused_returns_when_the_refused_request_ends() {
        var limits = PlanLimits.ofNullable(null, null, null, null, 1, null);
        var a = app("a", limits);
        var b = app("b", limits);
        world.ceiling(acme, limits);

        var fromA = admitted(a, BODY);
        var fromB = request(b, BODY);
        assertThat(refusal(fromB)).isEqualTo(new Rejection(429, "requests", null, "rate_limit_exceeded",
                "Too many concurrent requests: max_concurrent_requests of the tenant (limit 1). Retry when one of "
                        + "your requests has finished."));
        fromB.complete();
        fromA.complete();

        admitted(b, BODY);
    }

    @Test
    void the_tenants_ceiling_is_shared_by_its_apps_while_an_apps_own_limit_is_its_alone() {
        var a = app("a", PlanLimits.ofNullable(1, null, null, null, null, null));
        var b = app("b", PlanLimits.ofNullable(1, null, null, null, null, null));
        var c = app("c", PlanLimits.unlimited());
        world.ceiling(acme, PlanLimits.ofNullable(2, null, null, null, null, null));

        var fromA = admitted(a, BODY);
        assertThat(rateHeaders(fromA, "requests")).as("the tightest of app and tenant").startsWith("1", "0");
        assertThat(message(refusal(request(a, BODY)))).contains("requests_per_minute of the app (limit 1)");
        admitted(b, BODY);
        assertThat(message(refusal(request(c, BODY)))).contains("requests_per_minute of the tenant (limit 2)");
    }

    @Test
    void max_tokens_or_n_times_max_tokens_over_the_per_request_maximum_is_400_and_draws_nothing() {
        var app = app("bot", PlanLimits.ofNullable(5, null, null, null, null, 1000));
        var over = request(app, Requests.chat(MODEL, "Hello", 1001));
        var threeChoices = request(app,
                "{\"model\":\"gpt-4o\",\"n\":3,\"max_tokens\":400,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");

        assertThat(refusal(over)).isEqualTo(new Rejection(400, "invalid_request_error", "max_tokens",
                "max_tokens_per_request_exceeded",
                "max_tokens asks for 1001 tokens, more than the max_tokens_per_request limit of 1000."));
        assertThat(refusal(threeChoices)).isEqualTo(new Rejection(400, "invalid_request_error", "n",
                "max_tokens_per_request_exceeded",
                "n x max_tokens asks for 1200 tokens, more than the max_tokens_per_request limit of 1000."));
        assertThat(over.responseHeaders().get("retry-after")).isNull();
        assertThat(rateHeaders(admitted(app, Requests.chat(MODEL, "Hello", 1000)), "requests")).startsWith("5", "4");
    }

    @Test
    void a_subscription_without_limits_passes_at_once_and_adds_no_headers() {
        var app = app("bot", PlanLimits.unlimited());
        var context = request(app, BODY);

        var decision = policy.apply(context);

        assertThat(PolicyChain.passedAtOnce(decision)).isTrue();
        assertThat(context.responseHeaders().isEmpty()).isTrue();
    }

    private RequestContext.Caller app(String name, PlanLimits limits) {
        var app = world.app(acme, name);
        world.subscription(app, model, limits);
        return world.caller(app);
    }

    /** A request of the app as the policies before the limits leave it; the snapshot is complete by then. */
    private RequestContext request(RequestContext.Caller caller, String body) {
        if (snapshot == null) {
            snapshot = world.build();
        }
        return Requests.subscribed(snapshot, caller, Endpoint.CHAT, body);
    }

    private RequestContext admitted(RequestContext.Caller caller, String body) {
        var context = request(caller, body);
        assertThat(refusal(context)).as("admitted").isNull();
        return context;
    }

    private @Nullable Rejection refusal(RequestContext context) {
        return policy.apply(context).block();
    }

    private static String message(@Nullable Rejection rejection) {
        assertThat(rejection).as("refused").isNotNull();
        return rejection.message();
    }

    /** The limit, remaining and reset headers of the group ("requests" or "tokens"). */
    private static String[] rateHeaders(RequestContext context, String group) {
        var headers = context.responseHeaders();
        return new String[] {headers.get("x-ratelimit-limit-" + group),
                headers.get("x-ratelimit-remaining-" + group), headers.get("x-ratelimit-reset-" + group)};
    }

    private static long remainingTokens(RequestContext context) {
        return Long.parseLong(context.responseHeaders().get("x-ratelimit-remaining-tokens"));
    }

    private static long promptTokens(String body) {
        var facts = RequestBodyParser.parse(Endpoint.CHAT, body.getBytes(StandardCharsets.UTF_8)).facts();
        return new TokenCounter(0).countPrompt(facts.prompt());
    }

    private static LimitsPolicy policy(TestTimeMeter time) {
        var properties = new LimitsProperties("", LimitsProperties.FailMode.OPEN, Duration.ofMillis(250),
                LimitsProperties.RedisSync.EXACT, Duration.ofMillis(100), DEFAULT_MAX_TOKENS, Duration.ofMinutes(1),
                LimitsProperties.PromptReservation.COUNTED);
        var store = new LocalBucketStore(time);
        return new LimitsPolicy(new RateLimiter(store, properties), new ConcurrencyLimiter(), new TokenCounter(0),
                properties, store);
    }
}
