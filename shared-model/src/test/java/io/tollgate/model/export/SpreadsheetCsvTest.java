package io.tollgate.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpreadsheetCsvTest {

    @Test
    void records_end_with_crlf_and_an_empty_row_is_an_empty_line() {
        StringBuilder out = new StringBuilder();
        SpreadsheetCsv.to(out).row("a", "b").row().row("c");

        assertThat(out).hasToString("a,b\r\n\r\nc\r\n");
    }

    @Test
    void commas_quotes_line_feeds_and_bare_carriage_returns_are_quoted() {
        StringBuilder out = new StringBuilder();
        SpreadsheetCsv.to(out).row("a,b", "say \"hi\"", "two\nlines", "bare\rreturn", 42);

        assertThat(out).hasToString("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"bare\rreturn\",42\r\n");
    }

    @Test
    void formulas_are_neutralised_and_then_quoted_when_needed() {
        StringBuilder out = new StringBuilder();
        SpreadsheetCsv.to(out).row("=HYPERLINK(\"http://evil\")", "\rcmd", "\uFF20SUM(A1)");

        assertThat(out).hasToString("\"'=HYPERLINK(\"\"http://evil\"\")\",\"'\rcmd\",'\uFF20SUM(A1)\r\n");
    }

    @Test
    void numbers_stay_plain_numbers_and_negative_amounts_are_not_quoted() {
        StringBuilder out = new StringBuilder();
        SpreadsheetCsv.to(out).row(new BigDecimal("-0.15"), new BigDecimal("1E-9"), -3L, 7);

        assertThat(out).hasToString("-0.15,0.000000001,-3,7\r\n");
    }

    @Test
    void text_that_looks_like_a_negative_number_is_still_neutralised() {
        assertThat(SpreadsheetCsv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetCsv.cell("-1")).isEqualTo("'-1");
    }

    @Test
    void null_is_an_empty_field_and_other_values_are_their_text() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
        StringBuilder out = new StringBuilder();
        SpreadsheetCsv.to(out).row("x", null, LocalDate.of(2034, 3, 31), id);

        assertThat(out).hasToString("x,,2034-03-31," + id + "\r\n");
    }
}
