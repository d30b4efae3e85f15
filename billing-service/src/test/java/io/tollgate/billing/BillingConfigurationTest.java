package io.tollgate.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.ConfigurationStartup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Every typed setting of billing is checked at start: a wrong value stops it and names the setting. */
class BillingConfigurationTest {

    @ConfigurationPropertiesScan
    static class AllBillingProperties {
    }

    private final ConfigurationStartup startup = new ConfigurationStartup(AllBillingProperties.class);

    @Test
    void the_shipped_configuration_starts() {
        assertThat(startup.failureWith()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tollgate.billing.alerts.batch-size             | 0             | must be greater than 0
            tollgate.billing.alerts.max-attempts           | -1            | must be greater than 0
            tollgate.billing.alerts.initial-backoff        | 0s            | must be longer than or equal to 1 milli
            tollgate.billing.alerts.mail-from              | not-an-email  | must be a well-formed email address
            tollgate.billing.invoicing.close-parallelism   | 0             | must be greater than 0
            tollgate.billing.jobs.lock-at-most-for         | 0s            | must be longer than or equal to 1 second
            tollgate.billing.rollup.safety-lag             | -1s           | must not be negative
            tollgate.billing.rollup.max-window             | 0s            | must be longer than or equal to 1 milli
            tollgate.billing.rollup.work-mem               | 256MB'; drop  | must be a PostgreSQL memory size such as 256MB
            tollgate.billing.stripe.api-base               | ''            | must not be blank
            tollgate.billing.stripe.api-base               | not a url     | must be a valid URL
            tollgate.billing.stripe.max-network-retries    | -1            | must be greater than or equal to 0
            tollgate.billing.stripe.days-until-due         | 0             | must be greater than 0
            """)
    void an_invalid_setting_stops_the_start_naming_the_setting_and_the_rule(String name, String value, String rule) {
        assertThat(startup.failureWith(name + "=" + value)).hasValueSatisfying(failure -> assertThat(failure)
                .contains("Origin: \"" + name + "\"")
                .contains("Reason: " + rule + "\n"));
    }
}
