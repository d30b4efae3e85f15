package io.tollgate.billing.invoicing;

import io.tollgate.model.invoice.Invoice;
import io.tollgate.model.invoice.InvoiceLine;
import io.tollgate.model.invoice.InvoiceLineKind;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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

    /**
     * Writes the draft {@link Invoice} builds from the usage: it derives the subtotal and total from the lines, so they
     * add up by construction. Written with SQL rather than through JPA: one statement for the invoice and one batch
     * each for its lines and what it consumed, as month close writes a thousand invoices in one go.
     */
    void write(UUID invoiceId, UUID tenantId, LocalDate periodStart, BigDecimal markupPercent,
               List<UnbilledUsage> unbilled, boolean exists, Instant at) {
        InvoiceRounding.Rounded rounded = InvoiceRounding.round(
                unbilled.stream().map(UnbilledUsage::meteredCostUsd).toList(), markupPercent);
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < unbilled.size(); i++) {
            UnbilledUsage usage = unbilled.get(i);
            boolean late = usage.usageMonth().isBefore(periodStart);
            String description = (late ? "Late usage of " + MONTH.format(usage.usageMonth()) + ": " : "")
                    + usage.appName() + " / " + usage.model();
            lines.add(new InvoiceLine(lines.size() + 1, late ? InvoiceLineKind.ADJUSTMENT : InvoiceLineKind.USAGE,
                    description, usage.appId(), usage.model(), usage.requests(), usage.promptTokens(),
                    usage.completionTokens(), usage.cachedTokens(), usage.reasoningTokens(), usage.meteredCostUsd(),
                    rounded.lineAmounts().get(i)));
        }
        if (rounded.markupAmount().signum() != 0) {
            boolean markup = rounded.markupAmount().signum() > 0;
            String description = (markup ? "Markup " : "Discount ") + markupPercent.abs().stripTrailingZeros()
                    .toPlainString() + "% on metered cost";
            lines.add(InvoiceLine.charge(lines.size() + 1, markup ? InvoiceLineKind.MARKUP : InvoiceLineKind.DISCOUNT,
                    description, rounded.markupAmount()));
        }
        Invoice invoice = Invoice.draft(invoiceId, tenantId, periodStart, rounded.exactMetered(), markupPercent, lines,
                at);
        var statement = jdbc.sql(exists ? """
                        update invoices set metered_cost_usd = :metered, markup_percent = :markup, subtotal_usd = :subtotal,
                                            total_usd = :total, updated_at = :at, version = version + 1
                        where id = :id""" : """
                        insert into invoices (id, tenant_id, period_start, period_end, status, metered_cost_usd,
                                              markup_percent, subtotal_usd, total_usd, updated_at)
                        values (:id, :tenant, :start, :end, 'DRAFT', :metered, :markup, :subtotal, :total, :at)""")
                .param("id", invoice.getId()).param("metered", invoice.getMeteredCostUsd())
                .param("markup", invoice.getMarkupPercent()).param("subtotal", invoice.getSubtotalUsd())
                .param("total", invoice.getTotalUsd()).param("at", invoice.getUpdatedAt().atOffset(ZoneOffset.UTC));
        if (!exists) {
            statement = statement.param("tenant", invoice.getTenantId()).param("start", invoice.getPeriodStart())
                    .param("end", invoice.getPeriodEnd());
        }
        statement.update();
        batch.batchUpdate(INSERT_LINE, invoice.getLines().stream().map(line -> line(invoice, line))
                .toArray(MapSqlParameterSource[]::new));
        batch.batchUpdate(INSERT_CONSUMPTION, unbilled.stream().map(usage -> consumption(invoiceId, tenantId, usage))
                .toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource line(Invoice invoice, InvoiceLine line) {
        return new MapSqlParameterSource()
                .addValue("id", line.getId()).addValue("invoice", invoice.getId())
                .addValue("tenant", invoice.getTenantId()).addValue("lineNo", line.getLineNo())
                .addValue("kind", line.getKind().name()).addValue("description", line.getDescription())
                .addValue("app", line.getAppId().orElse(null), Types.OTHER)
                .addValue("model", line.getModel().orElse(null), Types.VARCHAR)
                .addValue("requests", line.getRequests()).addValue("prompt", line.getPromptTokens())
                .addValue("completion", line.getCompletionTokens()).addValue("cached", line.getCachedTokens())
                .addValue("reasoning", line.getReasoningTokens()).addValue("metered", line.getMeteredCostUsd())
                .addValue("amount", line.getAmountUsd());
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
