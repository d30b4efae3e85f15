package io.tollgate.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ResponseCachePropertiesTest {

    @Test
    void the_redis_password_never_shows_in_to_string() {
        ResponseCacheProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "tollgate.gateway.cache.redis-url", "redis://:s3cret-pw@redis.internal:6379")))
                .bindOrCreate("tollgate.gateway.cache", ResponseCacheProperties.class);

        assertThat(properties.redisUrl()).contains("s3cret-pw");
        assertThat(properties.toString())
                .doesNotContain("s3cret-pw")
                .contains("redis.internal:6379")
                .contains("maxEntryBytes=1048576B");
    }
}
