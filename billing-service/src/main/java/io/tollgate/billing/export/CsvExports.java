package io.tollgate.billing.export;

import io.tollgate.billing.chargeback.Chargeback;
import io.tollgate.billing.invoicing.InvoiceDetails;
import io.tollgate.model.export.SpreadsheetCsv;
import java.util.List;
import org.springframework.stereotype.Component;

/** The CSV exports finance opens in a spreadsheet. Amounts are plain decimals, never in exponent notation. */
@Component
public class CsvExports {

    /** One invoice: a header block with the tenant and period, then the lines, then the totals. */
    public String invoice(InvoiceDetails invoice) {
        StringBuilder out = new StringBuilder();
        SpreadsheetCsv csv = SpreadsheetCsv.to(out)
                .row("invoice_number", "tenant", "tenant_name", "period_start", "period_end", "status", "currency")
                .row(invoice.number(), invoice.tenantSlug(), invoice.tenantName(),
                        invoice.periodStart(), invoice.periodLastDay(), invoice.status(), invoice.currency())
                .row()
                .row("line_no", "kind", "description", "app_id", "model", "requests", "prompt_tokens",
                        "completion_tokens", "cached_tokens", "reasoning_tokens", "metered_cost_usd", "amount_usd");
        for (InvoiceDetails.Line line : invoice.lines()) {
            csv.row(line.lineNo(), line.kind(), line.description(), line.appId(),
                    line.model(), line.requests(), line.promptTokens(), line.completionTokens(),
                    line.cachedTokens(), line.reasoningTokens(), line.meteredCostUsd(), line.amountUsd());
        }
        csv.row()
                .row("metered_cost_usd", "markup_percent", "subtotal_usd", "total_usd")
                .row(invoice.meteredCostUsd(), invoice.markupPercent(), invoice.subtotalUsd(), invoice.totalUsd());
        return out.toString();
    }

    /** Every invoice of a period, one row each. */
    public String invoices(List<InvoiceDetails> invoices) {
        StringBuilder out = new StringBuilder();
        SpreadsheetCsv csv = SpreadsheetCsv.to(out).row("invoice_id", "invoice_number", "tenant_id", "tenant",
                "period_start", "period_end", "status", "metered_cost_usd", "markup_percent", "subtotal_usd", "total_usd", "stripe_invoice_id");
        for (InvoiceDetails invoice : invoices) {
            csv.row(invoice.id(), invoice.number(), invoice.tenantId(), invoice.tenantSlug(),
                    invoice.periodStart(), invoice.periodLastDay(), invoice.status(), invoice.meteredCostUsd(),
                    invoice.markupPercent(), invoice.subtotalUsd(), invoice.totalUsd(),
                    invoice.stripeInvoiceId());
        }
        return out.toString();
    }

    /** Chargebacks per tenant, app, model and tag set, exact. */
    public String chargebacks(List<Chargeback> chargebacks) {
        StringBuilder out = new StringBuilder();
        SpreadsheetCsv csv = SpreadsheetCsv.to(out).row("tenant_id", "tenant", "from", "to_exclusive", "app_id", "app", "model", "tags",
                "requests", "errors", "prompt_tokens", "completion_tokens", "cached_tokens", "reasoning_tokens",
                "metered_cost_usd", "markup_percent", "charged_usd");
        for (Chargeback chargeback : chargebacks) {
            for (Chargeback.Line line : chargeback.lines()) {
                csv.row(chargeback.tenantId(), chargeback.tenantSlug(), chargeback.from(), chargeback.to(),
                        line.appId(), line.appName(), line.model(), line.tags(), line.requests(), line.errors(),
                        line.promptTokens(), line.completionTokens(), line.cachedTokens(), line.reasoningTokens(),
                        line.meteredCostUsd(), chargeback.markupPercent(), line.chargedUsd());
            }
        }
        return out.toString();
    }
}
