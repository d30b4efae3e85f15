package io.tollgate.billing.export;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 CSV: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line break. */
final class Csv {

    private final StringBuilder out = new StringBuilder();

    Csv row(Object... fields) {
        out.append(List.of(fields).stream().map(Csv::field).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String field(Object value) {
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
        // a leading =, +, - or @ would be run as a formula by spreadsheet software
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
