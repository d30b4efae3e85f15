package io.tollgate.portal.signup;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How sign-up is throttled and how long its confirmation link works: at most {@code maxPerAddress} sign-ups for one
 * e-mail address and {@code maxPerClient} from one client address within each {@code throttleWindow}.
 */
@ConfigurationProperties("tollgate.signup")
@Validated
record SignupProperties(@DefaultValue("3") @Positive int maxPerAddress, @DefaultValue("10") @Positive int maxPerClient,
                        @DefaultValue("1h") @DurationMin(millis = 1) Duration throttleWindow,
                        @DefaultValue("24h") @DurationMin(millis = 1) Duration linkValidity) {
}
