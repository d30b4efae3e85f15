package io.tollgate.model.webhook;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param timeout             connect and response timeout of one webhook call
 * @param allowPrivateTargets whether webhooks may reach loopback, private, link-local and unique-local addresses
 *                            (on-premises receivers, tests); off by default, see {@link WebhookAddressGuard}
 */
@ConfigurationProperties("tollgate.webhooks")
@Validated
public record WebhookProperties(@DefaultValue("5s") @DurationMin(millis = 1) Duration timeout,
                                @DefaultValue("false") boolean allowPrivateTargets) {
}
