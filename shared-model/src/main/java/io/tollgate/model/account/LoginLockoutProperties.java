package io.tollgate.model.account;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** How many wrong passwords in a row lock an account, and for how long; one setting for every service. */
@ConfigurationProperties("tollgate.login")
@Validated
public record LoginLockoutProperties(@DefaultValue("5") @Positive int maxFailedAttempts,
                                     @DefaultValue("15m") @DurationMin(seconds = 1) Duration lockDuration) {
}
