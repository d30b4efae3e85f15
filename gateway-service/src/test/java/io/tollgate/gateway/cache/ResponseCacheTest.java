package io.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.pipeline.CachePlan;
import io.tollgate.model.common.TokenUsage;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ResponseCacheTest {

    private final ResponseCache cache = new ResponseCache(new MemoryResponseStore(DataSize.ofMegabytes(1).toBytes()),
            new ResponseCacheProperties(DataSize.ofMegabytes(1), Duration.ofMinutes(5), Duration.ofHours(1),
                    DataSize.ofBytes(100), "", Duration.ofMillis(250)));

    @Test
    void an_answer_is_kept_with_the_tokens_its_request_used() {
        var plan = new CachePlan("tenant-a/model/CHAT/kept", Duration.ofMinutes(1), true);
        cache.store(plan, new byte[100], TokenUsage.of(1_200, 300));

        var kept = cache.lookup(plan).block();
        assertThat(kept).isNotNull();
        assertThat(kept.body()).hasSize(100);
        assertThat(kept.tokens()).isEqualTo(1_500);
    }

    @Test
    void an_answer_larger_than_the_entry_limit_is_not_kept() {
        var plan = new CachePlan("tenant-a/model/CHAT/large", Duration.ofMinutes(1), true);
        cache.store(plan, new byte[101], TokenUsage.of(1, 1));

        assertThat(cache.lookup(plan).blockOptional()).isEmpty();
    }

    @Test
    void a_refresh_does_not_read_what_is_kept() {
        var plan = new CachePlan("tenant-a/model/CHAT/refreshed", Duration.ofMinutes(1), true);
        cache.store(plan, new byte[10], TokenUsage.of(1, 1));

        assertThat(cache.lookup(new CachePlan(plan.key(), plan.ttl(), false)).blockOptional()).isEmpty();
        assertThat(cache.lookup(plan).blockOptional()).isPresent();
    }

    @Test
    void the_redis_value_holds_the_tokens_and_the_body() {
        var answer = CachedAnswer.decode(new CachedAnswer("{\"id\":1}".getBytes(), 1_500).encode());

        assertThat(answer.tokens()).isEqualTo(1_500);
        assertThat(new String(answer.body())).isEqualTo("{\"id\":1}");
    }
}
