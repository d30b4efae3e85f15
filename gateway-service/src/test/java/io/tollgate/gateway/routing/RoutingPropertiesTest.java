package io.tollgate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutingPropertiesTest {

    @Test
    void the_redis_password_never_shows_in_to_string() {
        RoutingProperties properties = RoutingSettings.with(Map.of(
                "redis-url", "rediss://s3cret-pw@redis.internal:6380"));

        assertThat(properties.redisUrl()).contains("s3cret-pw");
        assertThat(properties.toString())
                .doesNotContain("s3cret-pw")
                .contains("redisUrl=rediss://<redacted>@redis.internal:6380")
                .contains("breakerWindow=PT20S");
    }

    @ParameterizedTest
    @CsvSource({"30, 30", "30s, 30", "2500ms, 3", "1h, 3600"})
    void the_breaker_window_is_a_duration_whose_plain_number_is_seconds(String setting, int seconds) {
        RoutingProperties properties = RoutingSettings.with(Map.of("breaker-window", setting));

        assertThat(properties.breakerWindowSeconds()).isEqualTo(seconds);
    }
}
