package io.tollgate.model.tracing;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Tracing is off unless there is somewhere to send the spans: without an OTLP endpoint (the standard
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT} or {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}, or Spring's property) no
 * OpenTelemetry SDK is started, nothing is propagated and no span is made, so an untraced service pays nothing for it.
 * The defaults are added last: a setting of the operator's own still wins.
 */
public class TracingSwitch implements EnvironmentPostProcessor, Ordered {

    /** True when tracing is on; what the services' own span code asks. */
    public static final String ENABLED = "management.tracing.export.enabled";

    static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    /**
     * After the configuration files are read, before Spring Boot maps the {@code OTEL_*} variables to its properties:
     * an empty {@code OTEL_EXPORTER_OTLP_ENDPOINT} (compose passes one when unset) must read as no endpoint.
     */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (hasEndpoint(environment)) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("tollgate-tracing-off", Map.of(
                ENABLED, "false",
                "management.opentelemetry.enabled", "false",
                "management.tracing.exemplars.include", "none")));
    }

    static boolean hasEndpoint(ConfigurableEnvironment environment) {
        return StringUtils.hasText(environment.getProperty("OTEL_EXPORTER_OTLP_ENDPOINT"))
                || StringUtils.hasText(environment.getProperty("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"))
                || StringUtils.hasText(environment.getProperty(ENDPOINT));
    }
}
