package io.tollgate.billing.invoicing;

import java.time.YearMonth;

/** Published after a month close that finalized its invoices, for whatever sends them on (Stripe). */
public record MonthClosed(YearMonth period) {
}
