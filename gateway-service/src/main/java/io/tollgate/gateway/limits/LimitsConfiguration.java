package io.tollgate.gateway.limits;

import io.github.bucket4j.TimeMeter;
import io.tollgate.gateway.redis.RedisConnections;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean
    TimeMeter limitsTimeMeter(Clock clock) {
        return new ClockTimeMeter(clock);
    }

    /** Local buckets unless TOLLGATE_REDIS_URL names a Redis that the replicas share. */
    @Bean
    BucketStore bucketStore(LimitsProperties properties, TimeMeter limitsTimeMeter, StoreOutage outage,
                            RedisConnections redis) {
        return properties.redisEnabled() ? new RedisBucketStore(redis, properties, limitsTimeMeter, outage)
                : new LocalBucketStore(limitsTimeMeter);
    }
}
