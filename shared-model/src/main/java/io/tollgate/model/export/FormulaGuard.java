package io.tollgate.model.export;

/**
 * OWASP's CSV injection rule: a cell whose text begins with {@code = + - @}, a tab or a carriage return, also after
 * leading whitespace and in the full-width forms ({@code ＝ ＋ － ＠}) that spreadsheets fold to ASCII, gets a leading
 * single quote, so the spreadsheet shows it as text instead of evaluating it.
 */
final class FormulaGuard {

    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private FormulaGuard() {
    }

    static String neutralise(String text) {
        return startsLikeAFormula(text) ? "'" + text : text;
    }

    private static boolean startsLikeAFormula(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TRIGGERS.indexOf(c) >= 0) {
                return true;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return false;
    }
}
