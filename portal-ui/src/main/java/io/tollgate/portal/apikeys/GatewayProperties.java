package io.tollgate.portal.apikeys;

import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.URL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Where this installation's gateway answers (TOLLGATE_GATEWAY_URL), for the ready-to-paste snippets. */
@ConfigurationProperties("tollgate.gateway")
@Validated
public record GatewayProperties(@DefaultValue("http://localhost:8080") @NotBlank @URL String url) {
}
