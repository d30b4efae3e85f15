package io.tollgate.model.webhook;

import io.tollgate.model.crypto.CredentialCipher;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The one webhook sender of every service that delivers to tenant webhooks (billing's alerts, the portal's tests). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    @Bean
    public WebhookAddressGuard webhookAddressGuard(WebhookProperties properties) {
        return new WebhookAddressGuard(properties.allowPrivateTargets(), WebhookHostResolver.SYSTEM);
    }

    @Bean
    public WebhookSender webhookSender(CredentialCipher cipher, JdbcClient jdbc, Clock clock,
                                       WebhookProperties properties, WebhookAddressGuard guard) {
        return new WebhookSender(cipher, jdbc, clock, properties, guard);
    }
}
