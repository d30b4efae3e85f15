package io.tollgate.portal.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * A column chart of one figure per day, drawn as SVG on the server (core components only, no chart library): a
 * column per day with its exact value on hover, the scale's top and zero, and dates under the first, middle and
 * last columns. Only numbers and dates go into the markup, never user text.
 */
final class DailyChart {

    private static final int WIDTH = 480;
    private static final int HEIGHT = 160;
    private static final int LEFT = 44;
    private static final int TOP = 10;
    private static final int BOTTOM = 24;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d");

    private DailyChart() {
    }

    static String svg(List<DashboardService.Day> days, ToLongFunction<DashboardService.Day> value, String unit) {
        long max = Math.max(1, days.stream().mapToLong(value).max().orElse(1));
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = (double) (WIDTH - LEFT) / Math.max(1, days.size());
        StringBuilder svg = new StringBuilder()
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"100%\" role=\"img\" aria-label=\"").append(unit)
                .append(" per day\" style=\"font: 12px var(--lumo-font-family); fill: var(--lumo-secondary-text-color)\">");
        gridLine(svg, TOP, compact(max));
        gridLine(svg, TOP + plotHeight / 2, compact(max / 2.0));
        gridLine(svg, TOP + plotHeight, "0");
        for (int i = 0; i < days.size(); i++) {
            DashboardService.Day day = days.get(i);
            long amount = value.applyAsLong(day);
            double height = amount == 0 ? 0 : Math.max(1.5, plotHeight * amount / max);
            double x = LEFT + i * slot + slot * 0.15;
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"day\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2\" "
                            + "style=\"fill: var(--lumo-primary-color)\"><title>%s: %d %s</title></rect>",
                    x, TOP + plotHeight - height, slot * 0.7, height, day.day(), amount, unit));
            if (i == 0 || i == days.size() - 1 || i == days.size() / 2) {
                String anchor = i == 0 ? "start" : i == days.size() - 1 ? "end" : "middle";
                double labelX = i == 0 ? x : i == days.size() - 1 ? x + slot * 0.7 : x + slot * 0.35;
                svg.append(String.format(Locale.ROOT,
                        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"%s\">%s</text>", labelX, HEIGHT - 6, anchor,
                        DAY.format(day.day())));
            }
        }
        return svg.append("</svg>").toString();
    }

    private static void gridLine(StringBuilder svg, double y, String label) {
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" style=\"stroke: var(--lumo-contrast-10pct)\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                LEFT, WIDTH, y, y, LEFT - 6, y + 4, label));
    }

    /** 1234 -> 1.2k, 3400000 -> 3.4M: the axis needs the size, the hover title has the exact value. */
    static String compact(double value) {
        if (value >= 1_000_000) {
            return trim(value / 1_000_000.0) + "M";
        }
        if (value >= 1_000) {
            return trim(value / 1_000.0) + "k";
        }
        return trim(value);
    }

    private static String trim(double value) {
        String text = String.format(Locale.ROOT, "%.1f", value);
        return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
