package io.tollgate.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;

class CountsTest {

    @Test
    void counts_have_thousands_separators_and_no_decimals() {
        assertThat(Counts.format(0)).isEqualTo("0");
        assertThat(Counts.format(999)).isEqualTo("999");
        assertThat(Counts.format(1_000)).isEqualTo("1,000");
        assertThat(Counts.format(1_234_567_890_123L)).isEqualTo("1,234,567,890,123");
        assertThat(Counts.format(-45_000)).isEqualTo("-45,000");
    }

    @Test
    void a_missing_count_reads_as_its_word_and_any_whole_number_type_is_formatted() {
        assertThat(Counts.format(null, "unlimited")).isEqualTo("unlimited");
        assertThat(Counts.format(Integer.valueOf(128_000), "unlimited")).isEqualTo("128,000");
        assertThat(Counts.format(Long.valueOf(5), "—")).isEqualTo("5");
    }

    @Test
    void count_columns_are_right_aligned() {
        Grid<Long> grid = new Grid<>();

        assertThat(Counts.column(grid, count -> count).getTextAlign()).isEqualTo(ColumnTextAlign.END);
        assertThat(Counts.column(grid, count -> count, "unlimited").getTextAlign()).isEqualTo(ColumnTextAlign.END);
    }
}
