package io.tollgate.billing.invoicing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gap-free invoice numbers per year, e.g. TG-2026-000042. Taking a number locks the year's row until the
 * transaction ends, so a rolled-back finalization gives its number back and concurrent ones queue.
 */
@Component
class InvoiceNumbers {

    private final JdbcClient jdbc;

    InvoiceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the transaction that assigns the number. */
    String next(int year) {
        int value = jdbc.sql("""
                        insert into invoice_number_sequences (year, last_value) values (:year, 1)
                        on conflict (year) do update set last_value = invoice_number_sequences.last_value + 1
                        returning last_value
                        """)
                .param("year", year).query(Integer.class).single();
        return "TG-%d-%06d".formatted(year, value);
    }
}
