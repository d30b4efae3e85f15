package io.tollgate.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class LimitsPropertiesTest {

    @Test
    void the_redis_password_never_shows_in_to_string() {
        LimitsProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "tollgate.gateway.limits.redis-url", "redis://tollgate:s3cret-pw@redis.internal:6379/0")))
                .bindOrCreate("tollgate.gateway.limits", LimitsProperties.class);

        assertThat(properties.redisUrl()).contains("s3cret-pw");
        assertThat(properties.toString())
                .doesNotContain("s3cret-pw")
                .contains("redisUrl=redis://tollgate:<redacted>@redis.internal:6379/0")
                .contains("defaultMaxTokens=1024");
    }
}
