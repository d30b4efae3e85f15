package io.tollgate.portal.security;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** What the sign-in page needs to know about single sign-on: whether it is on, and how the button reads. */
@Component
public class SingleSignOn {

    static final String START_PATH = "oauth2/authorization/" + SingleSignOnConfiguration.REGISTRATION_ID;

    private final @Nullable ClientRegistrationRepository clients;
    private final OidcProperties properties;

    SingleSignOn(ObjectProvider<ClientRegistrationRepository> clients, OidcProperties properties) {
        this.clients = clients.getIfAvailable();
        this.properties = properties;
    }

    /** The button's text when single sign-on is configured; empty otherwise. */
    public Optional<String> buttonText() {
        return clients == null ? Optional.empty() : Optional.of(properties.buttonText());
    }

    Optional<ClientRegistrationRepository> clients() {
        return Optional.ofNullable(clients);
    }
}
