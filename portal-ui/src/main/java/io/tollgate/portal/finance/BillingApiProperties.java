package io.tollgate.portal.finance;

import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.URL;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where billing's API answers (TOLLGATE_BILLING_URL): the finance screens close months and finalize, void and push
 * invoices through it, so those rules live in billing alone.
 */
@ConfigurationProperties("tollgate.billing")
@Validated
public record BillingApiProperties(@DefaultValue("http://localhost:8082") @NotBlank @URL String url) {
}
