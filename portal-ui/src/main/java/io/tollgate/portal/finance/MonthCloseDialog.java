package io.tollgate.portal.finance;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.tollgate.portal.common.Ui;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finance picks a past month, reads what closing it will do, and confirms; billing does the close. Drafts are the
 * default: finance reviews them and finalizes each, or ticks "finalize" to number them all at once.
 */
class MonthCloseDialog extends Dialog {

    static final int MONTHS_OFFERED = 24;
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    private final InvoiceActions actions;
    private final boolean stripeEnabled;
    private final Select<YearMonth> month = new Select<>();
    private final Checkbox finalizeInvoices = new Checkbox("Finalize the invoices now (numbered, then only a void "
            + "undoes them)");
    private final Paragraph consequences = new Paragraph();
    private final Button confirm = new Button();

    MonthCloseDialog(InvoiceActions actions, Clock clock, boolean stripeEnabled, Runnable afterClose) {
        this.actions = actions;
        this.stripeEnabled = stripeEnabled;
        YearMonth previous = YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1);
        month.setLabel("Month");
        month.setItems(Stream.iterate(previous, m -> m.minusMonths(1)).limit(MONTHS_OFFERED).toList());
        month.setItemLabelGenerator(MONTH::format);
        month.setValue(previous);
        month.setId("close-month-period");
        finalizeInvoices.setId("close-month-finalize");
        consequences.setId("close-month-consequences");
        month.addValueChangeListener(change -> describe());
        finalizeInvoices.addValueChangeListener(change -> describe());
        confirm.setId("close-month-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(click -> {
            InvoiceActions.MonthCloseOutcome outcome = actions.closeMonth(month.getValue(),
                    finalizeInvoices.getValue());
            close();
            afterClose.run();
            report(outcome);
        });
        setHeaderTitle("Close a month");
        setWidth("min(36rem, 95vw)");
        add(new VerticalLayout(month, finalizeInvoices, consequences));
        getFooter().add(new Button("Cancel", click -> close()), confirm);
        describe();
    }

    private void describe() {
        YearMonth period = month.getValue();
        Map<String, Integer> existing = actions.invoicesOf(period);
        StringBuilder text = new StringBuilder("Billing rolls up the usage metered so far, then writes one invoice for ")
                .append(period).append(" for each tenant with usage up to ").append(period.atEndOfMonth())
                .append(" that no invoice has billed yet (late usage of earlier months as adjustment lines). ");
        int drafts = existing.getOrDefault("DRAFT", 0);
        int issued = existing.getOrDefault("FINALIZED", 0) + existing.getOrDefault("PAID", 0);
        text.append(invoices(drafts, "draft")).append(" of ").append(period)
                .append(" will be rebuilt from the usage; ").append(invoices(issued, "finalized or paid"))
                .append(" stay as they are. ");
        if (finalizeInvoices.getValue()) {
            text.append("Every invoice written is finalized: it gets the next invoice number and its tenant sees it.");
            if (stripeEnabled) {
                text.append(" The finalized invoices are then sent to Stripe.");
            }
        } else {
            text.append("The invoices stay drafts, unseen by the tenants, until you finalize each one.");
        }
        consequences.setText(text.toString());
        confirm.setText("Close " + period);
    }

    private static String invoices(int count, String kind) {
        return count + " " + kind + (count == 1 ? " invoice" : " invoices");
    }

    private static void report(InvoiceActions.MonthCloseOutcome outcome) {
        String summary = outcome.period() + " closed: " + outcome.created() + " created, " + outcome.rebuilt()
                + " rebuilt, " + outcome.unchanged() + " unchanged";
        if (outcome.failed() > 0) {
            Notification.show(summary + "; " + outcome.failed() + " tenants failed (see billing's log), close the "
                    + "month again to retry", 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } else {
            Ui.success(summary);
        }
    }
}
