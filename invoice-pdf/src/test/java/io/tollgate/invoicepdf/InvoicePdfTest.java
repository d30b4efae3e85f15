package io.tollgate.invoicepdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;

class InvoicePdfTest {

    @Test
    void showsTheTenantPeriodLinesAndTotalsAsOnTheInvoice() throws IOException {
        var invoice = invoice("INV-2026-000042", List.of("billing@acme.test", "cfo@acme.test"));

        String text = firstPageText(InvoicePdf.render(invoice));

        assertThat(text).contains("Invoice INV-2026-000042", "Tenant: Acme (acme)",
                "Billing e-mail: billing@acme.test, cfo@acme.test",
                "Period: 2026-10-01 to 2026-10-31", "Status: FINALIZED", "Currency: USD",
                "gpt-4o-mini usage", "1200", "0.0123456789", "0.02", "Markup: 10 %", "Subtotal: 1.25 USD",
                "Total: 1.38 USD");
    }

    @Test
    void aDraftSaysSoAndAMissingBillingAddressIsLeftOut() throws IOException {
        String text = firstPageText(InvoicePdf.render(invoice(null, List.of())));

        assertThat(text).contains("Invoice (draft)").doesNotContain("Billing e-mail");
    }

    private static InvoiceDocument invoice(String number, List<String> billingEmails) {
        return new InvoiceDocument(number, "Acme", "acme", billingEmails, LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), number == null ? "DRAFT" : "FINALIZED", "USD",
                new BigDecimal("1.2512345678900"), new BigDecimal("10.00"), new BigDecimal("1.25"),
                new BigDecimal("1.38"), List.of(
                        new InvoiceDocument.Line(1, "gpt-4o-mini usage", 1200, new BigDecimal("0.0123456789"),
                                new BigDecimal("0.02")),
                        new InvoiceDocument.Line(2, "gpt-4o usage", 7, new BigDecimal("1.2388888889"),
                                new BigDecimal("1.23"))));
    }

    private static String firstPageText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        return new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
    }
}
