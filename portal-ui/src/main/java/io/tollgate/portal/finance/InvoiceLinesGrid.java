package io.tollgate.portal.finance;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import io.tollgate.portal.common.Counts;
import io.tollgate.portal.common.MoneyFormat;
import java.math.BigDecimal;
import java.util.List;

/** An invoice's lines with the invoice total in the footer, as finance and the tenant's own members see them. */
public class InvoiceLinesGrid extends Grid<InvoiceLineSummary> {

    public InvoiceLinesGrid(List<InvoiceLineSummary> lines, BigDecimal totalUsd) {
        addColumn(InvoiceLineSummary::lineNo).setHeader("#").setAutoWidth(true);
        addColumn(InvoiceLineSummary::description).setHeader("Description").setFlexGrow(1);
        Counts.column(this, InvoiceLineSummary::requests).setHeader("Requests").setAutoWidth(true);
        Counts.column(this, line -> line.promptTokens() + line.completionTokens()).setHeader("Tokens")
                .setAutoWidth(true);
        addColumn(line -> MoneyFormat.usd(line.amountUsd())).setHeader("Amount").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END).setFooter(MoneyFormat.usd(totalUsd));
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_COMPACT);
        setItems(lines);
        setAllRowsVisible(true);
        setId("invoice-lines-grid");
    }
}
