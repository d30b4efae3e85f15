package io.tollgate.portal.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.stream.Collectors;

/** CSV the way every portal export writes it: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */
public final class Csv {

    private Csv() {
    }

    public static void row(Writer out, Object... cells) {
        try {
            out.write(Arrays.stream(cells).map(cell -> field(String.valueOf(cell))).collect(Collectors.joining(","))
                    + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Quotes a field when needed and neutralises leading formula characters. */
    public static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }

    public static void flush(Writer out) {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
