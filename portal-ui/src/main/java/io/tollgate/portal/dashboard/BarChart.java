package io.tollgate.portal.dashboard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.List;
import java.util.function.ToLongFunction;

/** A plain HTML bar chart: one column per day, heights relative to the busiest day, a title on hover. */
class BarChart extends Div {

    BarChart(List<DashboardService.Day> days, ToLongFunction<DashboardService.Day> value, String unit) {
        long max = Math.max(1, days.stream().mapToLong(value).max().orElse(1));
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.AlignItems.END, LumoUtility.Gap.XSMALL,
                LumoUtility.Padding.SMALL, LumoUtility.Background.CONTRAST_5, LumoUtility.BorderRadius.MEDIUM);
        getStyle().set("height", "8rem").set("width", "100%").set("box-sizing", "border-box");
        getElement().setAttribute("role", "img");
        getElement().setAttribute("aria-label", unit + " per day");
        for (DashboardService.Day day : days) {
            Span bar = new Span();
            long amount = value.applyAsLong(day);
            bar.getStyle().set("flex", "1").set("min-width", "4px")
                    .set("height", Math.max(2, 100 * amount / max) + "%")
                    .set("background", "var(--lumo-primary-color)").set("border-radius", "2px 2px 0 0");
            bar.getElement().setAttribute("title", day.day() + ": " + amount + " " + unit);
            add(bar);
        }
    }
}
