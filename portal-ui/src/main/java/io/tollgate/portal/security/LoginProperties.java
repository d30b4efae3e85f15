package io.tollgate.portal.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many wrong passwords in a row lock an account, and for how long. */
@ConfigurationProperties("tollgate.login")
public record LoginProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15m") Duration lockDuration) {
}
