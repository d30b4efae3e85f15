package io.tollgate.billing.invoicing;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param closeParallelism how many tenants a month close invoices at once, each on its own connection and in its
 *                         own transaction (the connection pool must be larger)
 */
@ConfigurationProperties("tollgate.billing.invoicing")
@Validated
public record InvoicingProperties(@DefaultValue("4") @Positive int closeParallelism) {
}
