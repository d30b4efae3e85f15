package io.tollgate.gateway;

import io.tollgate.model.crypto.SecretsConfiguration;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The shared secrets wiring: a missing key secret or master key stops the start with a sentence naming it. */
@Configuration(proxyBeanMethods = false)
@Import(SecretsConfiguration.class)
class GatewayConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
