package io.tollgate.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.testsupport.ConfigurationStartup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Every typed setting of the portal is checked at start: a wrong value stops it and names the setting. */
class PortalConfigurationTest {

    @ConfigurationPropertiesScan
    static class AllPortalProperties {
    }

    private final ConfigurationStartup startup = new ConfigurationStartup(AllPortalProperties.class);

    @Test
    void the_configuration_starts() {
        assertThat(startup.failureWith()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            tollgate.gateway.url                | ''          | must not be blank
            tollgate.billing.url                | not a url   | must be a valid URL
            tollgate.portal.mail.links-url      | ''          | must not be blank
            tollgate.portal.mail.from           | nobody      | must be a well-formed email address
            tollgate.invitations.validity       | 30s         | must be longer than or equal to 1 minute
            tollgate.signup.max-per-address     | 0           | must be greater than 0
            tollgate.signup.link-validity       | 0s          | must be longer than or equal to 1 milli
            tollgate.admin.email                | admin       | must be a well-formed email address
            tollgate.oidc.issuer-uri            | not a url   | must be a valid URL
            tollgate.oidc.button-text           | ''          | must not be blank
            """)
    void an_invalid_setting_stops_the_start_naming_the_setting_and_the_rule(String name, String value, String rule) {
        assertThat(startup.failureWith(name + "=" + value)).hasValueSatisfying(failure -> assertThat(failure)
                .contains("Origin: \"" + name + "\"")
                .contains("Reason: " + rule + "\n"));
    }
}
