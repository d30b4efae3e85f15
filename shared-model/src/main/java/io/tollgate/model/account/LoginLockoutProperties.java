package io.tollgate.model.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How many wrong passwords in a row lock an account, and for how long; one setting for every service. */
@ConfigurationProperties("tollgate.login")
public record LoginLockoutProperties(@DefaultValue("5") int maxFailedAttempts,
                                     @DefaultValue("15m") Duration lockDuration) {
}
