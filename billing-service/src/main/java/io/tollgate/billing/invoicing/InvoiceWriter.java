package io.tollgate.billing.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.sql.Types;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes a draft invoice, its lines and the usage it consumes; rounding is {@link InvoiceRounding}'s alone. */
@Component
class InvoiceWriter {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private static final String INSERT_LINE = """
            insert into invoice_lines (id, invoice_id, tenant_id, line_no, kind, description, app_id, model, requests,
                                       prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens,
                                       metered_cost_usd, amount_usd)
            values (:id, :invoice, :tenant, :lineNo, :kind, :description, :app, :model, :requests, :prompt,
                    :completion, :cached, :reasoning, :metered, :amount)""";

    private static final String INSERT_CONSUMPTION = """
            insert into invoice_consumption (invoice_id, tenant_id, usage_month, app_id, model, requests, prompt_tokens,
                                             completion_tokens, cached_tokens, reasoning_tokens, metered_cost_usd)
            values (:invoice, :tenant, :month, :app, :model, :requests, :prompt, :completion, :cached, :reasoning,
                    :metered)""";

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    InvoiceWriter(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    void clear(UUID draftId) {
        jdbc.sql("delete from invoice_consumption where invoice_id = :id").param("id", draftId).update();
        jdbc.sql("delete from invoice_lines where invoice_id = :id").param("id", draftId).update();
    }

    void delete(UUID draftId) {
        jdbc.sql("delete from invoices where id = :id and status = 'DRAFT'").param("id", draftId).update();
    }

    void write(UUID invoiceId, UUID tenantId, LocalDate periodStart, BigDecimal markupPercent,
               List<UnbilledUsage> unbilled, boolean exists) {
        InvoiceRounding.Rounded rounded = InvoiceRounding.round(
                unbilled.stream().map(UnbilledUsage::meteredCostUsd).toList(), markupPercent);
        var invoice = jdbc.sql(exists ? """
                        update invoices set metered_cost_usd = :metered, markup_percent = :markup, subtotal_usd = :subtotal,
                                            total_usd = :total, updated_at = now(), version = version + 1
                        where id = :id""" : """
                        insert into invoices (id, tenant_id, period_start, period_end, status, metered_cost_usd,
                                              markup_percent, subtotal_usd, total_usd)
                        values (:id, :tenant, :start, :end, 'DRAFT', :metered, :markup, :subtotal, :total)""")
                .param("id", invoiceId).param("metered", rounded.exactMetered()).param("markup", markupPercent)
                .param("subtotal", rounded.subtotal()).param("total", rounded.total());
        if (!exists) {
            invoice = invoice.param("tenant", tenantId).param("start", periodStart)
                    .param("end", periodStart.plusMonths(1));
        }
        invoice.update();
        List<MapSqlParameterSource> lines = new ArrayList<>();
        List<MapSqlParameterSource> consumed = new ArrayList<>();
        for (int i = 0; i < unbilled.size(); i++) {
            UnbilledUsage usage = unbilled.get(i);
            boolean late = usage.usageMonth().isBefore(periodStart);
            String description = (late ? "Late usage of " + MONTH.format(usage.usageMonth()) + ": " : "")
                    + usage.appName() + " / " + usage.model();
            lines.add(line(invoiceId, tenantId, lines.size() + 1, late ? "ADJUSTMENT" : "USAGE", description, usage,
                    rounded.lineAmounts().get(i)));
            consumed.add(consumption(invoiceId, tenantId, usage));
        }
        if (rounded.markupAmount().signum() != 0) {
            boolean markup = rounded.markupAmount().signum() > 0;
            String description = (markup ? "Markup " : "Discount ") + markupPercent.abs().stripTrailingZeros()
                    .toPlainString() + "% on metered cost";
            lines.add(line(invoiceId, tenantId, lines.size() + 1, markup ? "MARKUP" : "DISCOUNT", description, null,
                    rounded.markupAmount()));
        }
        // one round trip each, not one per line: month close writes a thousand invoices in one go
        batch.batchUpdate(INSERT_LINE, lines.toArray(MapSqlParameterSource[]::new));
        batch.batchUpdate(INSERT_CONSUMPTION, consumed.toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource line(UUID invoiceId, UUID tenantId, int lineNo, String kind,
                                              String description, @Nullable UnbilledUsage usage, BigDecimal amount) {
        return new MapSqlParameterSource()
                .addValue("id", UUID.randomUUID()).addValue("invoice", invoiceId).addValue("tenant", tenantId)
                .addValue("lineNo", lineNo).addValue("kind", kind).addValue("description", description)
                .addValue("app", usage == null ? null : usage.appId(), Types.OTHER)
                .addValue("model", usage == null ? null : usage.model(), Types.VARCHAR)
                .addValue("requests", usage == null ? 0 : usage.requests())
                .addValue("prompt", usage == null ? 0 : usage.promptTokens())
                .addValue("completion", usage == null ? 0 : usage.completionTokens())
                .addValue("cached", usage == null ? 0 : usage.cachedTokens())
                .addValue("reasoning", usage == null ? 0 : usage.reasoningTokens())
                .addValue("metered", usage == null ? BigDecimal.ZERO : usage.meteredCostUsd())
                .addValue("amount", amount);
    }

    private static MapSqlParameterSource consumption(UUID invoiceId, UUID tenantId, UnbilledUsage usage) {
        return new MapSqlParameterSource()
                .addValue("invoice", invoiceId).addValue("tenant", tenantId).addValue("month", usage.usageMonth())
                .addValue("app", usage.appId()).addValue("model", usage.model()).addValue("requests", usage.requests())
                .addValue("prompt", usage.promptTokens()).addValue("completion", usage.completionTokens())
                .addValue("cached", usage.cachedTokens()).addValue("reasoning", usage.reasoningTokens())
                .addValue("metered", usage.meteredCostUsd());
    }
}
