package io.tollgate.billing.api;

import io.tollgate.billing.error.BillingException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Parses the API's period and date parameters with errors that say what was expected. */
final class Periods {

    private Periods() {
    }

    static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw BillingException.invalid("'" + name + "' must be a month like 2026-10");
        }
    }

    static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw BillingException.invalid("'" + name + "' must be a date like 2026-10-01");
        }
    }
}
