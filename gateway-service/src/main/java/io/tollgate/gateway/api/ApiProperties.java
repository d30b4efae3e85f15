package io.tollgate.gateway.api;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param maxBodyBytes the largest request body accepted; larger ones get 413 */
@ConfigurationProperties("tollgate.gateway")
@Validated
public record ApiProperties(@DefaultValue("4194304") @Positive int maxBodyBytes) {
}
