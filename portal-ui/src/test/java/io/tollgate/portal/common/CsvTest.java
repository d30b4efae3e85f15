package io.tollgate.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void cells_a_spreadsheet_would_run_as_formulas_are_neutralised() {
        assertThat(Csv.field("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
        assertThat(Csv.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.field("+1+1")).isEqualTo("'+1+1");
    }

    @Test
    void negative_amounts_stay_numbers() {
        assertThat(Csv.field("-0.15")).isEqualTo("-0.15");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted() {
        StringWriter out = new StringWriter();
        Csv.row(out, "a,b", "say \"hi\"", "two\nlines", 42);
        assertThat(out.toString()).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",42\n");
    }
}
