package io.tollgate.portal.support;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes invoices straight into the database, as billing's month close does: lines first, then the number. */
public final class Invoices {

    private final JdbcClient jdbc;

    public Invoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A draft for the month: one usage line of the amount (in cents) and a 10 % markup line. */
    public UUID draft(UUID tenantId, LocalDate month, String usageLine, String usageUsd) {
        UUID id = UUID.randomUUID();
        BigDecimal usage = new BigDecimal(usageUsd);
        BigDecimal markup = usage.movePointLeft(1);
        BigDecimal total = usage.add(markup);
        jdbc.sql("""
                        insert into invoices (id, tenant_id, period_start, period_end, metered_cost_usd, markup_percent,
                                              subtotal_usd, total_usd)
                        values (?, ?, ?, ?, ?, 10, ?, ?)""")
                .params(id, tenantId, month, month.plusMonths(1), usage, total, total).update();
        jdbc.sql("""
                        insert into invoice_lines (id, invoice_id, tenant_id, line_no, kind, description, model,
                                                   requests, prompt_tokens, completion_tokens, metered_cost_usd,
                                                   amount_usd)
                        values (?, ?, ?, 1, 'USAGE', ?, 'gpt-4o-mini', 1200, 480000, 96000, ?, ?),
                               (?, ?, ?, 2, 'MARKUP', 'Markup 10%', null, 0, 0, 0, 0, ?)""")
                .params(UUID.randomUUID(), id, tenantId, usageLine, usage, usage,
                        UUID.randomUUID(), id, tenantId, markup).update();
        return id;
    }

    /** A finalized invoice, numbered like billing's with a unique suffix. */
    public Issued finalized(UUID tenantId, LocalDate month, String usageLine, String usageUsd) {
        UUID id = draft(tenantId, month, usageLine, usageUsd);
        String number = "TG-" + month.getYear() + "-" + UUID.randomUUID().toString().substring(0, 6);
        jdbc.sql("update invoices set status = 'FINALIZED', number = ?, finalized_at = now() where id = ?")
                .params(number, id).update();
        return new Issued(id, number);
    }

    public record Issued(UUID id, String number) {
    }
}
