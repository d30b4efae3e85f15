package io.tollgate.portal.security;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * The OpenID Connect client, only when configured. The provider's endpoints come from its discovery document, read
 * once at start-up, so a wrong issuer stops the portal with a clear error instead of failing at the first sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SingleSignOnConfiguration {

    static final String REGISTRATION_ID = "sso";

    @Bean
    @Conditional(Configured.class)
    ClientRegistrationRepository singleSignOnClients(OidcProperties properties) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .scope("openid", "profile", "email")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    static class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("tollgate.oidc", OidcProperties.class)
                    .map(OidcProperties::configured).orElse(false);
        }
    }
}
