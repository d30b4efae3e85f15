package io.tollgate.gateway.budget;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param spendReadInterval   the least time between two reads of the budgets' spend from PostgreSQL (each replica
 *                            reads when notified of another's costs); with the metering flush interval it bounds how
 *                            late one replica sees another's spend
 * @param reservationWait     how long a request near a BLOCK budget's limit waits for the requests in flight on it
 *                            before it is refused with {@code budget_reserved}
 * @param reservationLifetime the longest a request's reservation on a BLOCK budget counts: a safety net for a
 *                            request whose end is never signalled, longer than any request may run
 */
@ConfigurationProperties("tollgate.gateway.budget")
@Validated
public record BudgetProperties(@DefaultValue("1s") @DurationMin(millis = 1) Duration spendReadInterval,
                               @DefaultValue("10s") @DurationMin(millis = 0, message = "must not be negative")
                               Duration reservationWait,
                               @DefaultValue("15m") @DurationMin(millis = 1) Duration reservationLifetime) {
}
