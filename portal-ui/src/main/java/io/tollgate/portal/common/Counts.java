package io.tollgate.portal.common;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.ValueProvider;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Display only: whole counts (requests, tokens, limits, members) for people, with thousands separators ("1,234,567")
 * and right-aligned in grids so their digits line up. Money has its own formatter, {@link MoneyFormat}.
 */
public final class Counts {

    private Counts() {
    }

    public static String format(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** The count, or {@code absent} when there is none (an unset limit reads "unlimited"). */
    public static String format(@Nullable Number count, String absent) {
        return count == null ? absent : format(count.longValue());
    }

    /** A right-aligned grid column of counts. */
    public static <T> Grid.Column<T> column(Grid<T> grid, ValueProvider<T, ? extends Number> count) {
        return grid.addColumn(item -> format(count.apply(item).longValue())).setTextAlign(ColumnTextAlign.END);
    }

    /** A right-aligned grid column of counts that may be absent, shown as {@code absent}. */
    public static <T> Grid.Column<T> column(Grid<T> grid, ValueProvider<T, ? extends @Nullable Number> count,
                                            String absent) {
        return grid.addColumn(item -> format(count.apply(item), absent)).setTextAlign(ColumnTextAlign.END);
    }
}
