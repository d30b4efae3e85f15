package io.tollgate.gateway.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.tollgate.gateway.redis.RedisConnections;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResponseCacheConfiguration {

    /** Redis when TOLLGATE_REDIS_URL names one (the replicas then share their answers), else this gateway's memory. */
    @Bean
    ResponseStore responseStore(ResponseCacheProperties properties, RedisConnections redis, MeterRegistry registry) {
        return properties.redisEnabled()
                ? new RedisResponseStore(redis, properties.redisUrl(), properties.redisTimeout(), registry)
                : new MemoryResponseStore(properties.maxBytes().toBytes());
    }
}
