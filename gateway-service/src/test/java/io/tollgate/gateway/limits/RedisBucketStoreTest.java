package io.tollgate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tollgate.gateway.redis.RedisConnections;
import io.tollgate.gateway.support.RedisServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The precision each Redis sync mode keeps, with two stores standing for two gateway replicas on one real Redis. */
class RedisBucketStoreTest {

    private static RedisServer redis;

    @BeforeAll
    static void start() {
        redis = RedisServer.start();
    }

    @AfterAll
    static void stop() {
        redis.close();
    }

    @Test
    void exact_sync_grants_exactly_the_limit_across_replicas() {
        assertThat(grantedByTwoReplicas(LimitsProperties.RedisSync.EXACT, 50)).isEqualTo(50);
    }

    @Test
    void relaxed_sync_overshoots_by_at_most_one_percent_of_the_limit_per_replica() {
        long granted = grantedByTwoReplicas(LimitsProperties.RedisSync.RELAXED, 1000);

        assertThat(granted).isBetween(1000L - 2 * 10, 1000L + 2 * 10);
    }

    private static long grantedByTwoReplicas(LimitsProperties.RedisSync sync, long capacity) {
        var properties = new LimitsProperties(redis.url(), LimitsProperties.FailMode.CLOSED, Duration.ofSeconds(2), sync,
                Duration.ofMillis(100), 1024, Duration.ofMinutes(1), LimitsProperties.PromptReservation.COUNTED);
        var clock = Clock.systemUTC();
        var outage = new StoreOutage(new SimpleMeterRegistry(), clock, properties);
        var limit = new Limit(Limit.APP, LimitKind.REQUESTS_PER_HOUR, capacity, "tollgate:test:" + UUID.randomUUID());
        try (var redis = new RedisConnections();
             var first = new RedisBucketStore(redis, properties, new ClockTimeMeter(clock), outage);
             var second = new RedisBucketStore(redis, properties, new ClockTimeMeter(clock), outage)) {
            long granted = 0;
            for (int i = 0; i < capacity * 2; i++) {
                Draw draw = (i % 2 == 0 ? first : second).draw(List.of(limit), 1).join().getFirst();
                granted += draw.consumed() ? 1 : 0;
            }
            assertThat(outage.failureCount()).isZero();
            return granted;
        }
    }
}
