package io.tollgate.model.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param timeout             connect and response timeout of one webhook call
 * @param allowPrivateTargets whether webhooks may reach loopback, private, link-local and unique-local addresses
 *                            (on-premises receivers, tests); off by default, see {@link WebhookAddressGuard}
 */
@ConfigurationProperties("tollgate.webhooks")
public record WebhookProperties(@DefaultValue("5s") Duration timeout, @DefaultValue("false") boolean allowPrivateTargets) {
}
