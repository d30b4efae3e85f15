package io.tollgate.model.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TracingSwitchTest {

    private final TracingSwitch tracingSwitch = new TracingSwitch();

    @Test
    void without_an_otlp_endpoint_tracing_and_the_sdk_are_off() {
        var environment = environment(Map.of());
        tracingSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TracingSwitch.ENABLED, Boolean.class)).isFalse();
        assertThat(environment.getProperty("management.opentelemetry.enabled", Boolean.class)).isFalse();
        assertThat(environment.getProperty("management.tracing.exemplars.include")).isEqualTo("none");
    }

    @Test
    void an_empty_endpoint_variable_is_no_endpoint() {
        var environment = environment(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", ""));
        tracingSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TracingSwitch.ENABLED, Boolean.class)).isFalse();
    }

    @Test
    void the_standard_endpoint_variable_or_the_spring_property_turns_it_on() {
        for (String name : new String[] {"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
                TracingSwitch.ENDPOINT}) {
            var environment = environment(Map.of(name, "http://collector:4318"));
            tracingSwitch.postProcessEnvironment(environment, new SpringApplication());

            assertThat(environment.getProperty(TracingSwitch.ENABLED, Boolean.class, true)).as(name).isTrue();
            assertThat(environment.getProperty("management.opentelemetry.enabled", Boolean.class, true)).as(name).isTrue();
        }
    }

    @Test
    void an_operators_own_setting_wins_over_the_default_off() {
        var environment = environment(Map.of(TracingSwitch.ENABLED, "true"));
        tracingSwitch.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(TracingSwitch.ENABLED, Boolean.class)).isTrue();
    }

    private static StandardEnvironment environment(Map<String, Object> values) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", values));
        return environment;
    }
}
