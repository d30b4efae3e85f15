package io.tollgate.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DailyChartTest {

    private final List<DashboardService.Day> days = List.of(
            new DashboardService.Day(LocalDate.of(2026, 11, 21), 0, 0),
            new DashboardService.Day(LocalDate.of(2026, 11, 22), 50, 1_500),
            new DashboardService.Day(LocalDate.of(2026, 11, 23), 100, 3_000));

    @Test
    void one_column_per_day_scaled_to_the_busiest_day_with_the_exact_value_on_hover() {
        String svg = DailyChart.svg(days, DashboardService.Day::requests, "requests");

        assertThat(Pattern.compile("<rect class=\"day\"").matcher(svg).results().count()).isEqualTo(3);
        assertThat(heights(svg)).containsExactly(0.0, 63.0, 126.0);
        assertThat(svg).contains("<title>2026-11-22: 50 requests</title>").contains(">Nov 21<").contains(">Nov 23<");
    }

    @Test
    void the_axis_shows_the_scale_compactly() {
        String svg = DailyChart.svg(days, DashboardService.Day::tokens, "tokens");

        assertThat(svg).contains(">3k<").contains(">1.5k<").contains(">0<");
        assertThat(DailyChart.compact(3_400_000)).isEqualTo("3.4M");
        assertThat(DailyChart.compact(999)).isEqualTo("999");
        assertThat(DailyChart.compact(3.5)).isEqualTo("3.5");
    }

    @Test
    void days_without_traffic_draw_an_empty_chart_not_a_division_by_zero() {
        String svg = DailyChart.svg(List.of(new DashboardService.Day(LocalDate.of(2026, 11, 23), 0, 0)),
                DashboardService.Day::requests, "requests");

        assertThat(heights(svg)).containsExactly(0.0);
    }

    private static List<Double> heights(String svg) {
        return Pattern.compile("class=\"day\"[^>]* height=\"([0-9.]+)\"").matcher(svg).results()
                .map(match -> Double.parseDouble(match.group(1))).toList();
    }
}
