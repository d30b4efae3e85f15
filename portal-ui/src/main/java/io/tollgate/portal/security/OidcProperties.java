package io.tollgate.portal.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Optional single sign-on through an OpenID Connect provider (TOLLGATE_OIDC_ISSUER_URI, TOLLGATE_OIDC_CLIENT_ID,
 * TOLLGATE_OIDC_CLIENT_SECRET, TOLLGATE_OIDC_BUTTON_TEXT). Off unless both the issuer and the client id are set.
 */
@ConfigurationProperties("tollgate.oidc")
public record OidcProperties(@Nullable String issuerUri, @Nullable String clientId, @Nullable String clientSecret,
                             @DefaultValue("Sign in with single sign-on") String buttonText) {

    boolean configured() {
        return issuerUri != null && !issuerUri.isBlank() && clientId != null && !clientId.isBlank();
    }
}
