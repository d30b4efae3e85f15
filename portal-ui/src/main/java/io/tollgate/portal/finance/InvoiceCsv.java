package io.tollgate.portal.finance;

import io.tollgate.model.export.SpreadsheetCsv;
import java.util.List;

/** Invoices as CSV, one row per line with every digit, the same columns wherever the portal exports invoices. */
public final class InvoiceCsv {

    private InvoiceCsv() {
    }

    public static void header(SpreadsheetCsv csv) {
        csv.row("invoice", "tenant", "period_start", "period_end", "status", "line", "kind", "description",
                "model", "requests", "prompt_tokens", "completion_tokens", "metered_usd", "amount_usd",
                "invoice_total_usd");
    }

    public static void rows(SpreadsheetCsv csv, InvoiceSummary invoice, List<InvoiceLineSummary> lines) {
        for (InvoiceLineSummary line : lines) {
            csv.row(invoice.label(), invoice.tenant(), invoice.periodStart(), invoice.periodEnd(),
                    invoice.status(), line.lineNo(), line.kind(), line.description(),
                    line.model(), line.requests(), line.promptTokens(),
                    line.completionTokens(), line.meteredUsd(), line.amountUsd(), invoice.totalUsd());
        }
    }
}
