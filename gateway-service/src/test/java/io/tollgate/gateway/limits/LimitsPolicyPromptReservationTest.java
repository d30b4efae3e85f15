package io.tollgate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.limits.LimitsProperties.PromptReservation;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.model.common.TokenUsage;
import io.tollgate.model.plan.PlanLimits;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LimitsPolicyPromptReservationTest {

    private static final long TOKENS_PER_MINUTE = 1_000_000;
    /** About 1,300 bytes of English: some 300 tokens, so the bound is about four times the count. */
    private static final String USER = ("Order 48213: parcel two, with the atlas, shows 'label created' since Monday. "
            + "Where is it, and can it still arrive by Saturday? ").repeat(10);
    private static final byte[] BODY = ("{\"model\":\"" + LimitsWorld.MODEL + "\",\"max_tokens\":256,\"messages\":["
            + "{\"role\":\"user\",\"content\":\"" + USER + "\"}]}").getBytes(StandardCharsets.UTF_8);

    /** The policy's: remembering, as in production (the test's own counts must not fill it). */
    private final TokenCounter counter = new TokenCounter(1_000_000);

    @Test
    void a_counted_reservation_draws_the_prompts_count_plus_max_tokens() {
        var policy = policy(PromptReservation.COUNTED);
        var context = admitted(policy, PlanLimits.ofNullable(null, null, TOKENS_PER_MINUTE, null, null, null));

        assertThat(remainingTokens(context)).isEqualTo(TOKENS_PER_MINUTE - counted() - 256);
        assertThat(context.promptTokens()).hasValue(counted());
    }

    @Test
    void a_bound_reservation_draws_a_new_prompts_utf8_length_and_is_settled_with_the_usage() {
        var policy = policy(PromptReservation.BOUND);
        var world = new LimitsWorld(1, PlanLimits.ofNullable(null, null, TOKENS_PER_MINUTE, null, null, null));
        var context = admitted(policy, world);

        assertThat(remainingTokens(context)).isEqualTo(TOKENS_PER_MINUTE - bound() - 256);
        assertThat(bound()).isGreaterThan(counted());
        assertThat(context.promptTokens()).as("nothing counted on the way in").isEmpty();

        context.outcome().usage(TokenUsage.of(counted(), 40), false);
        context.complete();
        var next = admitted(policy, world);
        assertThat(remainingTokens(next)).as("the first request settled at its usage; the message, sent again, "
                + "reserved at its count").isEqualTo(TOKENS_PER_MINUTE - (counted() + 40) - counted() - 256);
    }

    @Test
    void a_bound_over_the_per_request_maximum_is_replaced_by_the_count_so_a_prompt_under_it_passes() {
        long max = counted() + 1;
        assertThat(max).as("above max_tokens").isGreaterThan(256);
        assertThat(bound()).isGreaterThan(max);

        var context = admitted(policy(PromptReservation.BOUND),
                PlanLimits.ofNullable(null, null, TOKENS_PER_MINUTE, null, null, Math.toIntExact(max)));

        assertThat(context.promptTokens()).hasValue(counted());
        assertThat(remainingTokens(context)).isEqualTo(TOKENS_PER_MINUTE - counted() - 256);
    }

    @Test
    void a_prompt_counted_over_the_per_request_maximum_is_refused_under_a_bound_reservation_too() {
        var context = new LimitsWorld(1, PlanLimits.ofNullable(null, null, TOKENS_PER_MINUTE, null, null,
                Math.toIntExact(counted() - 1))).context(0, BODY);

        var rejection = policy(PromptReservation.BOUND).apply(context).blockOptional();

        assertThat(rejection).hasValueSatisfying(refused ->
                assertThat(refused.code()).isEqualTo("max_tokens_per_request_exceeded"));
    }

    private static RequestContext admitted(LimitsPolicy policy, PlanLimits limits) {
        return admitted(policy, new LimitsWorld(1, limits));
    }

    private static RequestContext admitted(LimitsPolicy policy, LimitsWorld world) {
        var context = world.context(0, BODY);
        assertThat(policy.apply(context).blockOptional()).as("admitted").isEmpty();
        return context;
    }

    private static long remainingTokens(RequestContext context) {
        return Long.parseLong(context.responseHeaders().get("x-ratelimit-remaining-tokens"));
    }

    private static long counted() {
        return new TokenCounter(0).countPrompt(prompt());
    }

    private static long bound() {
        return new TokenCounter(0).promptBound(prompt());
    }

    private static PromptText prompt() {
        return io.tollgate.gateway.request.RequestBodyParser.parse(io.tollgate.gateway.pipeline.Endpoint.CHAT, BODY)
                .facts().prompt();
    }

    private LimitsPolicy policy(PromptReservation reservation) {
        var properties = new LimitsProperties("", LimitsProperties.FailMode.OPEN, Duration.ofMillis(250),
                LimitsProperties.RedisSync.EXACT, Duration.ofMillis(100), 1024, Duration.ofMinutes(1), reservation);
        // time stands still: no bucket refills between a draw and the next
        var clock = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
        var store = new LocalBucketStore(new ClockTimeMeter(clock));
        return new LimitsPolicy(new RateLimiter(store, properties), new ConcurrencyLimiter(), counter, properties,
                store);
    }
}
