package io.tollgate.gateway.cache;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ResponseCacheConfiguration {

    /** Redis when TOLLGATE_REDIS_URL names one (the replicas then share their answers), else this gateway's memory. */
    @Bean
    ResponseStore responseStore(ResponseCacheProperties properties, MeterRegistry registry) {
        return properties.redisEnabled()
                ? new RedisResponseStore(properties.redisUrl(), properties.redisTimeout(), registry)
                : new MemoryResponseStore(properties.maxBytes().toBytes());
    }
}
