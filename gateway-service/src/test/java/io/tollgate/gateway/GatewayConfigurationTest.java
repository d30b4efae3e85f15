package io.tollgate.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.ConfigurationStartup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Every typed setting of the gateway is checked at start: a wrong value stops it and names the setting. */
class GatewayConfigurationTest {

    @ConfigurationPropertiesScan
    static class AllGatewayProperties {
    }

    private final ConfigurationStartup startup = new ConfigurationStartup(AllGatewayProperties.class);

    @Test
    void the_shipped_configuration_starts() {
        assertThat(startup.failureWith()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tollgate.gateway.metering.batch-size                | 0          | must be greater than 0
            tollgate.gateway.max-body-bytes                     | -1         | must be greater than 0
            tollgate.gateway.metering.flush-interval            | 0s         | must be longer than or equal to 1 milli
            tollgate.gateway.metering.fsync-interval            | -1s        | must not be negative
            tollgate.gateway.metering.token-count-cache-bytes   | -1         | must be greater than or equal to 0
            tollgate.gateway.limits.redis-url                   | localhost  | must be empty or a redis:// or rediss:// URL
            tollgate.gateway.limits.default-max-tokens          | 0          | must be greater than 0
            tollgate.gateway.routing.redis-url                  | http://r:1 | must be empty or a redis:// or rediss:// URL
            tollgate.gateway.routing.breaker-failure-rate       | 101        | must be less than or equal to 100
            tollgate.gateway.routing.breaker-window             | 1          | must be longer than or equal to 2 seconds
            tollgate.gateway.routing.breaker-window             | 2h         | must be shorter than or equal to 1 hour
            tollgate.gateway.budget.reservation-wait            | -1s        | must not be negative
            tollgate.gateway.budget.spend-read-interval         | 0s         | must be longer than or equal to 1 milli
            tollgate.gateway.server.max-connections             | 0          | must be greater than 0
            tollgate.gateway.server.event-loops                 | -1         | must be greater than or equal to 0
            tollgate.gateway.server.body-timeout                | 0s         | must be longer than or equal to 1 milli
            tollgate.gateway.snapshot.max-age                   | 0s         | must be longer than or equal to 1 milli
            tollgate.gateway.upstream.max-connections           | 0          | must be greater than 0
            tollgate.gateway.cache.default-ttl                  | 0s         | must be longer than or equal to 1 milli
            """)
    void an_invalid_setting_stops_the_start_naming_the_setting_and_the_rule(String name, String value, String rule) {
        assertThat(startup.failureWith(name + "=" + value)).hasValueSatisfying(failure -> assertThat(failure)
                .contains("Origin: \"" + name + "\"")
                .contains("Reason: " + rule + "\n"));
    }

    @Test
    void sizes_and_ttls_that_cannot_work_stop_the_start_with_one_sentence() {
        assertThat(startup.failureWith("tollgate.gateway.metering.spool-max-bytes=0B"))
                .hasValueSatisfying(failure -> assertThat(failure)
                        .contains("tollgate.gateway.metering.spool-max-bytes must be positive, not 0B"));
        assertThat(startup.failureWith("tollgate.gateway.cache.default-ttl=2h"))
                .hasValueSatisfying(failure -> assertThat(failure)
                        .contains("tollgate.gateway.cache.default-ttl must not exceed max-ttl"));
    }
}
