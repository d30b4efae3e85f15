package io.tollgate.billing.api;

import io.tollgate.billing.error.BillingException;
import io.tollgate.billing.export.CsvExports;
import io.tollgate.billing.export.InvoiceDocuments;
import io.tollgate.billing.invoicing.InvoiceDetails;
import io.tollgate.billing.invoicing.InvoiceLifecycle;
import io.tollgate.billing.invoicing.Invoices;
import io.tollgate.billing.security.BillingUser;
import io.tollgate.billing.security.TenantAccess;
import io.tollgate.invoicepdf.InvoicePdf;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Invoices as JSON, CSV and PDF; each one only for callers allowed to see its tenant. */
@RestController
@RequestMapping("/api/v1/billing")
class InvoiceController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final Invoices invoices;
    private final InvoiceLifecycle lifecycle;
    private final TenantAccess access;
    private final CsvExports csv;

    InvoiceController(Invoices invoices, InvoiceLifecycle lifecycle, TenantAccess access, CsvExports csv) {
        this.invoices = invoices;
        this.lifecycle = lifecycle;
        this.access = access;
        this.csv = csv;
    }

    @GetMapping("/invoices")
    List<InvoiceDetails> list(@RequestParam String period, @RequestParam(required = false) @Nullable UUID tenantId) {
        return ofPeriod(Periods.month("period", period).atDay(1), tenantId);
    }

    @GetMapping("/invoices/{id}")
    InvoiceDetails get(@PathVariable UUID id) {
        return visible(id);
    }

    @GetMapping("/invoices/{id}/export.csv")
    ResponseEntity<String> csv(@PathVariable UUID id) {
        InvoiceDetails invoice = visible(id);
        return download(CSV, fileName(invoice) + ".csv", csv.invoice(invoice));
    }

    @GetMapping("/invoices/{id}/export.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        InvoiceDetails invoice = visible(id);
        return download(MediaType.APPLICATION_PDF, fileName(invoice) + ".pdf",
                InvoicePdf.render(InvoiceDocuments.of(invoice)));
    }

    @GetMapping("/periods/{period}/invoices.csv")
    ResponseEntity<String> periodCsv(@PathVariable String period,
                                     @RequestParam(required = false) @Nullable UUID tenantId) {
        LocalDate start = Periods.month("period", period).atDay(1);
        return download(CSV, "invoices-" + period + ".csv", csv.invoices(ofPeriod(start, tenantId)));
    }

    @PostMapping("/invoices/{id}/finalize")
    InvoiceDetails finalizeInvoice(@PathVariable UUID id) {
        access.requireFinance();
        lifecycle.finalizeInvoice(id);
        return visible(id);
    }

    /** The reason is kept on the invoice and shown with it; the body may be left out (no reason). */
    record VoidRequest(@Nullable String reason) {
    }

    @PostMapping("/invoices/{id}/void")
    InvoiceDetails voidInvoice(@PathVariable UUID id, @RequestBody(required = false) @Nullable VoidRequest request) {
        access.requireFinance();
        lifecycle.voidInvoice(id, request == null ? null : request.reason());
        return visible(id);
    }

    private List<InvoiceDetails> ofPeriod(LocalDate start, @Nullable UUID tenantId) {
        if (tenantId != null) {
            access.requireTenant(tenantId);
            return invoices.ofPeriod(start, List.of(tenantId));
        }
        BillingUser user = access.currentUser();
        return user.seesAllTenants() ? invoices.ofPeriod(start) : invoices.ofPeriod(start, user.billableTenants());
    }

    private InvoiceDetails visible(UUID id) {
        InvoiceDetails invoice = invoices.find(id).orElseThrow(() -> BillingException.notFound("Invoice " + id));
        access.requireVisible(invoice.tenantId(), "Invoice " + id);
        return invoice;
    }

    private static String fileName(InvoiceDetails invoice) {
        return invoice.number() != null ? invoice.number() : "draft-" + invoice.id();
    }

    private static <T> ResponseEntity<T> download(MediaType type, String fileName, T body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }
}
