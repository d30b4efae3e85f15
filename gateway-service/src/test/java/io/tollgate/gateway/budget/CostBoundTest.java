package io.tollgate.gateway.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.snapshot.ConfigSnapshot;
import io.tollgate.gateway.snapshot.LimitSettings;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.SubscriptionEntry;
import io.tollgate.model.catalog.EffectivePrice;
import io.tollgate.model.catalog.PriceRates;
import io.tollgate.model.catalog.PriceSchedule;
import io.tollgate.model.plan.PlanLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The most a request can cost: its body's bytes as input tokens and the most completion tokens it can get. */
class CostBoundTest {

    private static final ModelEntry MODEL = new ModelEntry(UUID.randomUUID(), "gpt-4o", "GPT-4o", Set.of("chat"),
            128_000, Instant.EPOCH);
    // USD per million tokens: input 2, output 10, cached input 1, reasoning 12
    private static final PriceRates RATES = new PriceRates(new BigDecimal("2"), new BigDecimal("10"), BigDecimal.ONE,
            new BigDecimal("12"));
    private static final byte[] BODY = new byte[1_000];

    @Test
    void maxTokensBoundsTheCompletion() {
        // 1,000 bytes at the input rate, 500 tokens at the reasoning rate (the higher one)
        assertThat(CostBound.of(context(OptionalInt.of(500), Map.of(MODEL.id(), 16_384))))
                .isEqualByComparingTo("0.008");
    }

    @Test
    void withoutMaxTokensTheModelsMaximumOutputBoundsIt() {
        assertThat(CostBound.of(context(OptionalInt.empty(), Map.of(MODEL.id(), 16_384))))
                .isEqualByComparingTo("0.198608"); // 0.002 + 16,384 x 12 / 1e6
    }

    @Test
    void withoutEitherTheContextWindowBoundsIt() {
        assertThat(CostBound.of(context(OptionalInt.empty(), Map.of())))
                .isEqualByComparingTo("1.538"); // 0.002 + 128,000 x 12 / 1e6
    }

    @Test
    void a_negative_max_tokens_never_makes_the_bound_negative() {
        // what a negative bound did: it made room in a BLOCK budget for the requests beside it
        assertThat(CostBound.of(context(OptionalInt.of(-1_000_000), Map.of())))
                .isEqualByComparingTo("0.002"); // the body's bytes only
        assertThat(CostBound.of(context(OptionalInt.of(Integer.MIN_VALUE), Map.of(), 128))).isNotNegative();
    }

    @Test
    void each_choice_can_generate_max_tokens() {
        assertThat(CostBound.of(context(OptionalInt.of(500), Map.of(), 4)))
                .isEqualByComparingTo("0.026"); // 0.002 + 4 x 500 x 12 / 1e6
    }

    private static RequestContext context(OptionalInt maxTokens, Map<UUID, Integer> maxOutputTokens) {
        return context(maxTokens, maxOutputTokens, 1);
    }

    private static RequestContext context(OptionalInt maxTokens, Map<UUID, Integer> maxOutputTokens, int choices) {
        var prices = PriceSchedule.of(List.of(new EffectivePrice(UUID.randomUUID(), Instant.EPOCH, RATES)));
        var snapshot = new ConfigSnapshot(Instant.EPOCH, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(MODEL.id(), prices), Map.of(), new LimitSettings(Map.of(), maxOutputTokens));
        var context = new RequestContext(UUID.randomUUID(), "req_1", Instant.now(), System.nanoTime(), Endpoint.CHAT,
                null, BODY, snapshot, null, new DefaultHttpHeaders());
        context.facts(new RequestFacts(MODEL.name(), false, maxTokens, false, new PromptText(List.of("hi"), 1),
                choices));
        context.subscribed(MODEL, new SubscriptionEntry(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                MODEL.id(), PlanLimits.unlimited()));
        return context;
    }
}
