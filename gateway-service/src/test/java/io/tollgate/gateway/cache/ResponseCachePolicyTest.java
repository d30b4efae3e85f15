package io.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.CacheHeaders;
import io.tollgate.gateway.pipeline.CachePlan;
import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.RequestContext;
import io.tollgate.gateway.pipeline.RequestFacts;
import io.tollgate.gateway.snapshot.AppEntry;
import io.tollgate.gateway.snapshot.KeyEntry;
import io.tollgate.gateway.snapshot.ModelEntry;
import io.tollgate.gateway.snapshot.Snapshots;
import io.tollgate.gateway.snapshot.SubscriptionEntry;
import io.tollgate.gateway.snapshot.TenantEntry;
import io.tollgate.model.plan.PlanLimits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ResponseCachePolicyTest {

    private static final String DETERMINISTIC = """
            {"model":"gpt-4o","temperature":0,"messages":[{"role":"user","content":"Hi"}]}""";

    private final ResponseCachePolicy policy = new ResponseCachePolicy(
            new ResponseCacheProperties(DataSize.ofMegabytes(1), Duration.ofMinutes(5), Duration.ofMinutes(10),
                    DataSize.ofMegabytes(1), "", Duration.ofMillis(250)));
    private final ModelEntry model = Snapshots.withModels("gpt-4o").model("gpt-4o").orElseThrow();
    private final TenantEntry tenant = new TenantEntry(UUID.randomUUID(), "acme", false, UUID.randomUUID(), BigDecimal.ZERO);

    @Test
    void the_time_to_keep_is_the_default_without_a_header_and_never_more_than_the_maximum() {
        assertThat(plan(DETERMINISTIC, null, null)).get().extracting(CachePlan::ttl).isEqualTo(Duration.ofMinutes(5));
        assertThat(plan(DETERMINISTIC, null, "30")).get().extracting(CachePlan::ttl).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan(DETERMINISTIC, null, "86400")).get().extracting(CachePlan::ttl).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void refresh_plans_a_store_without_a_lookup_and_bypass_plans_nothing() {
        assertThat(plan(DETERMINISTIC, "use", null)).get().extracting(CachePlan::mayAnswer).isEqualTo(true);
        assertThat(plan(DETERMINISTIC, " Refresh ", null)).get().extracting(CachePlan::mayAnswer).isEqualTo(false);
        assertThat(plan(DETERMINISTIC, "bypass", null)).isEmpty();
    }

    @Test
    void the_key_ignores_member_order_spacing_and_number_spelling_but_not_values() {
        String key = plan(DETERMINISTIC, null, null).orElseThrow().key();

        assertThat(plan("""
                { "messages" : [ {"content":"Hi", "role":"user"} ], "temperature": 0.00, "model": "gpt-4o" }""",
                null, null).orElseThrow().key()).isEqualTo(key);
        assertThat(plan(DETERMINISTIC.replace("Hi", "Hi!"), null, null).orElseThrow().key()).isNotEqualTo(key);
        assertThat(plan(DETERMINISTIC.replace("\"role\":\"user\",\"content\":\"Hi\"",
                "\"role\":\"userHi\",\"content\":\"\""), null, null).orElseThrow().key()).isNotEqualTo(key);
        assertThat(key).startsWith(tenant.id() + "/" + model.id() + "/CHAT/");
    }

    @Test
    void a_temperature_above_zero_or_none_and_a_user_field_are_not_cached_unless_the_app_allows_it() {
        String warm = DETERMINISTIC.replace("\"temperature\":0", "\"temperature\":0.2");
        String unset = DETERMINISTIC.replace("\"temperature\":0,", "");
        String named = DETERMINISTIC.replace("\"temperature\":0", "\"temperature\":0,\"user\":\"u-7\"");

        for (String body : List.of(warm, unset, named)) {
            assertThat(plan(body, null, null, false)).as(body).isEmpty();
            assertThat(plan(body, null, null, true)).as(body).isPresent();
        }
    }

    @Test
    void unreadable_headers_are_refused() {
        assertThat(reject("always", null)).extracting(Rejection::status, Rejection::code)
                .containsExactly(400, "invalid_cache_mode");
        assertThat(reject(null, "0")).extracting(Rejection::code).isEqualTo("invalid_cache_ttl");
        assertThat(reject(null, "1.5")).extracting(Rejection::code).isEqualTo("invalid_cache_ttl");
    }

    private Optional<CachePlan> plan(String body, @Nullable String mode, @Nullable String ttl) {
        return plan(body, mode, ttl, false);
    }

    private Optional<CachePlan> plan(String body, @Nullable String mode, @Nullable String ttl, boolean varying) {
        var context = context(body, mode, ttl, varying);
        assertThat(policy.apply(context).blockOptional()).isEmpty();
        return context.cachePlan();
    }

    private Rejection reject(@Nullable String mode, @Nullable String ttl) {
        return policy.apply(context(DETERMINISTIC, mode, ttl, false)).blockOptional().orElseThrow();
    }

    private RequestContext context(String body, @Nullable String mode, @Nullable String ttl, boolean varying) {
        var app = new AppEntry(UUID.randomUUID(), tenant.id(), "app", true, true, varying);
        var context = new RequestContext(UUID.randomUUID(), "req_1", Instant.now(), System.nanoTime(), Endpoint.CHAT,
                null, body.getBytes(StandardCharsets.UTF_8), Snapshots.withModels("gpt-4o"), null,
                new DefaultHttpHeaders());
        context.caller(new RequestContext.Caller(new KeyEntry(UUID.randomUUID(), tenant.id(), app.id(), "tg_abc",
                new byte[32], false, null), app, tenant));
        context.facts(new RequestFacts(model.name(), false, OptionalInt.empty(), false,
                new PromptText(List.of("Hi"), 1)));
        context.subscribed(model, new SubscriptionEntry(UUID.randomUUID(), tenant.id(), app.id(), model.id(),
                PlanLimits.unlimited()));
        context.cacheHeaders(new CacheHeaders(mode, ttl));
        return context;
    }
}
