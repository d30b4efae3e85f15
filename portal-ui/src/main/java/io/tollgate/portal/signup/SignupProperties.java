package io.tollgate.portal.signup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sign-up is throttled and how long its confirmation link works: at most {@code maxPerAddress} sign-ups for one
 * e-mail address and {@code maxPerClient} from one client address within each {@code throttleWindow}.
 */
@ConfigurationProperties("tollgate.signup")
record SignupProperties(@DefaultValue("3") int maxPerAddress, @DefaultValue("10") int maxPerClient,
                        @DefaultValue("1h") Duration throttleWindow, @DefaultValue("24h") Duration linkValidity) {
}
