package io.tollgate.portal.security;

import io.tollgate.model.crypto.Redacted;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.URL;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Optional single sign-on through an OpenID Connect provider (TOLLGATE_OIDC_ISSUER_URI, TOLLGATE_OIDC_CLIENT_ID,
 * TOLLGATE_OIDC_CLIENT_SECRET, TOLLGATE_OIDC_BUTTON_TEXT). Off unless both the issuer and the client id are set.
 */
@ConfigurationProperties("tollgate.oidc")
@Validated
public record OidcProperties(@Nullable @URL String issuerUri, @Nullable String clientId, @Nullable String clientSecret,
                             @DefaultValue("Sign in with single sign-on") @NotBlank String buttonText) {

    boolean configured() {
        return issuerUri != null && !issuerUri.isBlank() && clientId != null && !clientId.isBlank();
    }

    @Override
    public String toString() {
        return "OidcProperties[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret="
                + Redacted.secret(clientSecret) + ", buttonText=" + buttonText + "]";
    }
}
