package io.tollgate.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.ConfigurationStartup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The settings every service shares are checked at start: a wrong value stops it and names the setting. */
class SharedConfigurationTest {

    @ConfigurationPropertiesScan
    static class AllSharedProperties {
    }

    private final ConfigurationStartup startup = new ConfigurationStartup(AllSharedProperties.class);

    @Test
    void the_shipped_configuration_starts() {
        assertThat(startup.failureWith()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tollgate.login.max-failed-attempts | 0  | must be greater than 0
            tollgate.login.lock-duration       | 0s | must be longer than or equal to 1 second
            tollgate.webhooks.timeout          | 0s | must be longer than or equal to 1 milli
            """)
    void an_invalid_setting_stops_the_start_naming_the_setting_and_the_rule(String name, String value, String rule) {
        assertThat(startup.failureWith(name + "=" + value)).hasValueSatisfying(failure -> assertThat(failure)
                .contains("Origin: \"" + name + "\"")
                .contains("Reason: " + rule + "\n"));
    }
}
