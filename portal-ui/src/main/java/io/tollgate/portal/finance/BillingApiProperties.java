package io.tollgate.portal.finance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where billing's API answers (TOLLGATE_BILLING_URL): the finance screens close months and finalize, void and push
 * invoices through it, so those rules live in billing alone.
 */
@ConfigurationProperties("tollgate.billing")
public record BillingApiProperties(@DefaultValue("http://localhost:8082") String url) {
}
