package io.tollgate.portal.api.tenant;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.tollgate.portal.api.CursorPage;
import io.tollgate.portal.finance.InvoiceLineSummary;
import io.tollgate.portal.finance.InvoiceSummary;
import io.tollgate.portal.invoices.TenantInvoiceService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tenant's issued invoices, through {@link TenantInvoiceService} as on the Invoices screen: list, one with its
 * lines, CSV and PDF. Amounts are exact decimal strings; the period's end is exclusive.
 */
@RestController
@RequestMapping("/api/v1/invoices")
@Tag(name = "Invoices", description = "Issued invoices, their lines, CSV and PDF (tenant ADMIN and BILLING)")
class InvoicesApi {

    /** void_reason: why finance voided it (VOID invoices only, when given). */
    record Invoice(UUID id, @Nullable String number, LocalDate periodStart, LocalDate periodEnd, String status,
                   String subtotalUsd, String totalUsd, @Nullable Instant finalizedAt, @Nullable Instant paidAt,
                   @Nullable String voidReason) {

        static Invoice of(InvoiceSummary i) {
            return new Invoice(i.id(), i.number(), i.periodStart(), i.periodEnd(), i.status(),
                    i.subtotalUsd().toPlainString(), i.totalUsd().toPlainString(), i.finalizedAt(), i.paidAt(),
                    i.voidReason());
        }
    }

    record Line(int lineNo, String kind, String description, @Nullable String model, long requests,
                long promptTokens, long completionTokens, String meteredUsd, String amountUsd) {

        static Line of(InvoiceLineSummary l) {
            return new Line(l.lineNo(), l.kind(), l.description(), l.model(), l.requests(), l.promptTokens(),
                    l.completionTokens(), l.meteredUsd().toPlainString(), l.amountUsd().toPlainString());
        }
    }

    private final TenantInvoiceService invoices;

    InvoicesApi(TenantInvoiceService invoices) {
        this.invoices = invoices;
    }

    @GetMapping
    CursorPage<Invoice> list(@RequestParam(required = false) @Nullable String cursor,
                             @RequestParam(required = false) @Nullable Integer limit) {
        return CursorPage.of(invoices.list().stream().map(Invoice::of).toList(), Invoice::id, cursor, limit);
    }

    @GetMapping("/{invoiceId}")
    Invoice get(@PathVariable UUID invoiceId) {
        return Invoice.of(invoices.get(invoiceId));
    }

    @GetMapping("/{invoiceId}/lines")
    List<Line> lines(@PathVariable UUID invoiceId) {
        return invoices.lines(invoiceId).stream().map(Line::of).toList();
    }

    @GetMapping(value = "/{invoiceId}/csv", produces = "text/csv")
    void csv(@PathVariable UUID invoiceId, HttpServletResponse response) throws IOException {
        Invoice invoice = get(invoiceId);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"invoice-"
                + (invoice.number() == null ? invoice.id() : invoice.number()) + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        invoices.exportCsv(invoiceId, out);
        out.flush();
    }

    @GetMapping(value = "/{invoiceId}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID invoiceId) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"invoice-" + invoiceId + ".pdf\"")
                .body(invoices.pdf(invoiceId));
    }
}
