package io.tollgate.billing.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes a draft invoice, its lines and the usage it consumes; rounding is {@link InvoiceRounding}'s alone. */
@Component
class InvoiceWriter {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    private final JdbcClient jdbc;

    InvoiceWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        int lineNo = 0;
        for (int i = 0; i < unbilled.size(); i++) {
            UnbilledUsage usage = unbilled.get(i);
            boolean late = usage.usageMonth().isBefore(periodStart);
            String description = (late ? "Late usage of " + MONTH.format(usage.usageMonth()) + ": " : "")
                    + usage.appName() + " / " + usage.model();
            insertLine(invoiceId, tenantId, ++lineNo, late ? "ADJUSTMENT" : "USAGE", description, usage,
                    rounded.lineAmounts().get(i));
            consume(invoiceId, tenantId, usage);
        }
        if (rounded.markupAmount().signum() != 0) {
            boolean markup = rounded.markupAmount().signum() > 0;
            String description = (markup ? "Markup " : "Discount ") + markupPercent.abs().stripTrailingZeros()
                    .toPlainString() + "% on metered cost";
            insertLine(invoiceId, tenantId, ++lineNo, markup ? "MARKUP" : "DISCOUNT", description, null,
                    rounded.markupAmount());
        }
    }

    private void insertLine(UUID invoiceId, UUID tenantId, int lineNo, String kind, String description,
                            @Nullable UnbilledUsage usage, BigDecimal amount) {
        jdbc.sql("""
                        insert into invoice_lines (id, invoice_id, tenant_id, line_no, kind, description, app_id, model,
                                                   requests, prompt_tokens, completion_tokens, cached_tokens,
                                                   reasoning_tokens, metered_cost_usd, amount_usd)
                        values (:id, :invoice, :tenant, :lineNo, :kind, :description, :app, :model, :requests,
                                :prompt, :completion, :cached, :reasoning, :metered, :amount)""")
                .param("id", UUID.randomUUID()).param("invoice", invoiceId).param("tenant", tenantId)
                .param("lineNo", lineNo).param("kind", kind).param("description", description)
                .param("app", usage == null ? null : usage.appId(), java.sql.Types.OTHER)
                .param("model", usage == null ? null : usage.model(), java.sql.Types.VARCHAR)
                .param("requests", usage == null ? 0 : usage.requests())
                .param("prompt", usage == null ? 0 : usage.promptTokens())
                .param("completion", usage == null ? 0 : usage.completionTokens())
                .param("cached", usage == null ? 0 : usage.cachedTokens())
                .param("reasoning", usage == null ? 0 : usage.reasoningTokens())
                .param("metered", usage == null ? BigDecimal.ZERO : usage.meteredCostUsd())
                .param("amount", amount).update();
    }

    private void consume(UUID invoiceId, UUID tenantId, UnbilledUsage usage) {
        jdbc.sql("""
                        insert into invoice_consumption (invoice_id, tenant_id, usage_month, app_id, model, requests,
                            prompt_tokens, completion_tokens, cached_tokens, reasoning_tokens, metered_cost_usd)
                        values (:invoice, :tenant, :month, :app, :model, :requests, :prompt, :completion, :cached,
                                :reasoning, :metered)""")
                .param("invoice", invoiceId).param("tenant", tenantId).param("month", usage.usageMonth())
                .param("app", usage.appId()).param("model", usage.model()).param("requests", usage.requests())
                .param("prompt", usage.promptTokens()).param("completion", usage.completionTokens())
                .param("cached", usage.cachedTokens()).param("reasoning", usage.reasoningTokens())
                .param("metered", usage.meteredCostUsd()).update();
    }
}
