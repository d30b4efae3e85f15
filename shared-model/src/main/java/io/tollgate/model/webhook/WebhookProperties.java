package io.tollgate.model.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param timeout connect and response timeout of one webhook call */
@ConfigurationProperties("tollgate.webhooks")
public record WebhookProperties(@DefaultValue("5s") Duration timeout) {
}
