package io.tollgate.billing.invoicing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gap-free invoice numbers per year, e.g. TG-2026-000042, each taken together with its finalization time. Taking a
 * number locks the year's row until the transaction ends, so a rolled-back finalization gives its number back and
 * concurrent ones queue. The time comes out of the same statement, never earlier than the time given with the
 * previous number: a finalization that read the clock first but reached the row second would otherwise carry a
 * later number with an earlier time.
 */
@Component
class InvoiceNumbers {

    record Numbered(String number, OffsetDateTime finalizedAt) {
    }

    private final JdbcClient jdbc;

    InvoiceNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the transaction that assigns the number. */
    Numbered next(OffsetDateTime now) {
        int year = now.withOffsetSameInstant(ZoneOffset.UTC).getYear();
        return jdbc.sql("""
                        insert into invoice_number_sequences (year, last_value, last_finalized_at)
                        values (:year, 1, :now)
                        on conflict (year) do update
                            set last_value = invoice_number_sequences.last_value + 1,
                                last_finalized_at = greatest(invoice_number_sequences.last_finalized_at, :now)
                        returning last_value, last_finalized_at
                        """)
                .param("year", year).param("now", now)
                .query((rs, row) -> new Numbered("TG-%d-%06d".formatted(year, rs.getInt("last_value")),
                        rs.getObject("last_finalized_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)))
                .single();
    }
}
