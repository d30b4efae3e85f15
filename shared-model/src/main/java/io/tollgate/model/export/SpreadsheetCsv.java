package io.tollgate.model.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.jspecify.annotations.Nullable;

/**
 * The CSV every export of the platform writes (RFC 4180 on Apache Commons CSV: comma separated, CRLF line ends,
 * a field quoted when it holds a comma, quote, CR or LF), safe to open in a spreadsheet: text that a spreadsheet
 * would run as a formula starts with a single quote (see {@link FormulaGuard}). Numbers are written as plain
 * decimals and left as they are, so a negative amount stays a number; null is an empty field.
 */
public final class SpreadsheetCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.MINIMAL).get();

    private final CSVPrinter printer;

    private SpreadsheetCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    public static SpreadsheetCsv to(Appendable out) {
        try {
            return new SpreadsheetCsv(new CSVPrinter(out, FORMAT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one record; no cells writes an empty line. */
    public SpreadsheetCsv row(@Nullable Object... cells) {
        try {
            printer.printRecord(Arrays.stream(cells).map(SpreadsheetCsv::cell));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(@Nullable Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> number.toString();
            default -> FormulaGuard.neutralise(value.toString());
        };
    }
}
