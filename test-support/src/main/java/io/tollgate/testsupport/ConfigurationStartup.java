package io.tollgate.testsupport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Binds a service's configuration properties the way its start does (its application.yml, the given settings on
 * top) and reports what an operator would read when that start fails: Spring Boot's failure analysis.
 */
public final class ConfigurationStartup {

    private static final List<FailureAnalyzer> ANALYZERS = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver.none(), (type, name, failure) -> { });

    private final ApplicationContextRunner runner;

    /** @param configuration registers the properties, e.g. a class annotated {@code @ConfigurationPropertiesScan} */
    public ConfigurationStartup(Class<?> configuration) {
        this.runner = new ApplicationContextRunner()
                .withInitializer(new ConfigDataApplicationContextInitializer())
                .withUserConfiguration(configuration);
    }

    /** The failure analysis the start ends with under these {@code name=value} settings; empty when it starts. */
    public Optional<String> failureWith(String... settings) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        runner.withPropertyValues(settings).run(context -> failure.set(context.getStartupFailure()));
        return Optional.ofNullable(failure.get()).map(ConfigurationStartup::describe);
    }

    private static String describe(Throwable failure) {
        return ANALYZERS.stream()
                .map(analyzer -> analyzer.analyze(failure))
                .filter(Objects::nonNull)
                .map(FailureAnalysis::getDescription)
                .findFirst()
                .orElseGet(failure::toString);
    }
}
