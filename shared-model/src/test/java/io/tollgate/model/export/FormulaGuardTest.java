package io.tollgate.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+1", "+1+1", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd", "=HYPERLINK(\"http://evil\")"})
    void each_ascii_trigger_at_the_start_gets_a_leading_quote(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\uFF1D1+1", "\uFF0B1+1", "\uFF0D1+1", "\uFF20SUM(A1)"})
    void each_full_width_trigger_gets_a_leading_quote(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {" =1+1", "  +1", "\n-1+1", " \t@x", "\u3000=1+1", "\u00A0\uFF1Dcmd", " \rcmd"})
    void triggers_after_leading_whitespace_get_a_leading_quote(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "chat app", "a=b", "gpt-4o", "x@example.com", "2034-03-31", "'quoted"})
    void ordinary_text_is_left_alone(String text) {
        assertThat(FormulaGuard.neutralise(text)).isEqualTo(text);
    }
}
