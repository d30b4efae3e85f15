package io.tollgate.portal.security;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The first platform administrator, from TOLLGATE_ADMIN_EMAIL / TOLLGATE_ADMIN_PASSWORD; nothing when unset. */
@ConfigurationProperties("tollgate.admin")
public record AdminProperties(@Nullable String email, @Nullable String password) {

    boolean configured() {
        return email != null && !email.isBlank() && password != null && !password.isBlank();
    }
}
