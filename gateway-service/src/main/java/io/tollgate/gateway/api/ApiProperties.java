package io.tollgate.gateway.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxBodyBytes the largest request body accepted; larger ones get 413 */
@ConfigurationProperties("tollgate.gateway")
public record ApiProperties(@DefaultValue("4194304") int maxBodyBytes) {
}
