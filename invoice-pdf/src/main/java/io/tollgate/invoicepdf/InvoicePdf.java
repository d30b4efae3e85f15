package io.tollgate.invoicepdf;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.Objects;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;

/** An invoice as a one-document PDF (OpenPDF): tenant, period, lines and totals, amounts as on the invoice. */
public final class InvoicePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 9);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

    private InvoicePdf() {
    }

    public static byte[] render(InvoiceDocument invoice) {
        var out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(new Paragraph("Invoice " + Objects.toString(invoice.number(), "(draft)"), TITLE));
        document.add(new Paragraph("Tenant: " + invoice.tenantName() + " (" + invoice.tenantSlug() + ")", TEXT));
        if (!invoice.billingEmails().isEmpty()) {
            document.add(new Paragraph("Billing e-mail: " + String.join(", ", invoice.billingEmails()), TEXT));
        }
        document.add(new Paragraph("Period: " + invoice.periodStart() + " to " + invoice.periodLastDay(), TEXT));
        document.add(new Paragraph("Status: " + invoice.status() + "    Currency: " + invoice.currency(), TEXT));
        document.add(new Paragraph(" ", TEXT));

        PdfPTable table = new PdfPTable(5);
        table.setWidthPercentage(100);
        table.setWidths(new float[] {0.6f, 5f, 1.4f, 2f, 1.6f});
        for (String header : new String[] {"#", "Description", "Requests", "Metered cost (USD)", "Amount (USD)"}) {
            table.addCell(cell(header, BOLD, Element.ALIGN_LEFT));
        }
        for (InvoiceDocument.Line line : invoice.lines()) {
            table.addCell(cell(String.valueOf(line.lineNo()), TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(line.description(), TEXT, Element.ALIGN_LEFT));
            table.addCell(cell(String.valueOf(line.requests()), TEXT, Element.ALIGN_RIGHT));
            table.addCell(cell(plain(line.meteredCostUsd()), TEXT, Element.ALIGN_RIGHT));
            table.addCell(cell(line.amountUsd().toPlainString(), TEXT, Element.ALIGN_RIGHT));
        }
        document.add(table);
        document.add(new Paragraph(" ", TEXT));
        document.add(new Paragraph("Metered cost (exact): " + plain(invoice.meteredCostUsd()) + " USD", TEXT));
        document.add(new Paragraph("Markup: " + invoice.markupPercent().stripTrailingZeros().toPlainString() + " %", TEXT));
        document.add(new Paragraph("Subtotal: " + invoice.subtotalUsd().toPlainString() + " USD", TEXT));
        document.add(new Paragraph("Total: " + invoice.totalUsd().toPlainString() + " USD", BOLD));
        document.add(new Paragraph("Each usage line is its exact metered cost rounded down to cents, plus one cent on "
                + "the lines with the largest remainders until the lines equal the subtotal (the exact sum rounded "
                + "half-even); the total is the exact sum with markup rounded half-even.", TEXT));
        document.close();
        return out.toByteArray();
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
