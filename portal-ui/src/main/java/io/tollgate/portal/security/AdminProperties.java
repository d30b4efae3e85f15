package io.tollgate.portal.security;

import io.tollgate.model.crypto.Redacted;
import jakarta.validation.constraints.Email;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The first platform administrator, from TOLLGATE_ADMIN_EMAIL / TOLLGATE_ADMIN_PASSWORD; nothing when unset. */
@ConfigurationProperties("tollgate.admin")
@Validated
public record AdminProperties(@Nullable @Email String email, @Nullable String password) {

    boolean configured() {
        return email != null && !email.isBlank() && password != null && !password.isBlank();
    }

    @Override
    public String toString() {
        return "AdminProperties[email=" + email + ", password=" + Redacted.secret(password) + "]";
    }
}
