package io.tollgate.portal.apikeys;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where this installation's gateway answers (TOLLGATE_GATEWAY_URL), for the ready-to-paste snippets. */
@ConfigurationProperties("tollgate.gateway")
public record GatewayProperties(@DefaultValue("http://localhost:8080") String url) {
}
