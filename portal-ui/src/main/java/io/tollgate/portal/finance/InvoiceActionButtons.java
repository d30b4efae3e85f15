package io.tollgate.portal.finance;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.tollgate.portal.common.Ui;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The buttons finance has on an invoice row, each only where billing allows it: a draft is finalized, a finalized
 * invoice voided (with a reason) or, when Stripe is configured and does not hold it yet, pushed to Stripe. Each
 * asks for confirmation first; {@code afterChange} reloads the grid.
 */
class InvoiceActionButtons {

    private final InvoiceActions actions;
    private final boolean stripeEnabled;
    private final Runnable afterChange;
    private Set<UUID> inStripe = Set.of();

    InvoiceActionButtons(InvoiceActions actions, boolean stripeEnabled, Runnable afterChange) {
        this.actions = actions;
        this.stripeEnabled = stripeEnabled;
        this.afterChange = afterChange;
    }

    /** Call with the listed rows before the grid renders them: which of them Stripe already holds. */
    void listed(List<InvoiceSummary> invoices) {
        inStripe = stripeEnabled ? actions.inStripe(invoices.stream().map(InvoiceSummary::id).toList()) : Set.of();
    }

    Component buttonsFor(InvoiceSummary invoice) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setSpacing(false);
        buttons.addClassName("invoice-actions");
        switch (invoice.status()) {
            case "DRAFT" -> buttons.add(button("Finalize", "invoice-finalize-", invoice, () -> confirmFinalize(invoice)));
            case "FINALIZED" -> {
                buttons.add(button("Void", "invoice-void-", invoice, () -> openVoid(invoice)));
                if (stripeEnabled && !inStripe.contains(invoice.id())) {
                    buttons.add(button("Push to Stripe", "invoice-stripe-", invoice, () -> confirmPush(invoice)));
                }
            }
            default -> {
                // paid and void invoices are final
            }
        }
        return buttons;
    }

    private void confirmFinalize(InvoiceSummary invoice) {
        Ui.confirm("Finalize the draft of " + invoice.tenant() + "?",
                "The invoice for " + invoice.periodStart() + " – " + invoice.periodLastDay() + " gets the next "
                        + "invoice number, can no longer change and becomes visible to the tenant. Only a void "
                        + "undoes it.", "Finalize", () -> {
                    String number = actions.finalizeInvoice(invoice.id());
                    afterChange.run();
                    Ui.success("Invoice " + number + " finalized");
                });
    }

    private void confirmPush(InvoiceSummary invoice) {
        Ui.confirm("Push " + invoice.label() + " to Stripe?", "Stripe creates the invoice for " + invoice.tenant()
                + " and sends it to their billing e-mail for payment.", "Push to Stripe", () -> {
                    actions.pushToStripe(invoice.id());
                    afterChange.run();
                    Ui.success("Invoice " + invoice.label() + " is in Stripe");
                });
    }

    private void openVoid(InvoiceSummary invoice) {
        TextArea reason = new TextArea("Reason");
        reason.setId("invoice-void-reason");
        reason.setRequired(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        reason.setHelperText("Kept in the audit log. The usage it billed is billed again by the next month close.");
        Dialog dialog = Ui.dialog("Void " + invoice.label() + " of " + invoice.tenant() + "?", reason);
        Button confirm = new Button("Void invoice", click -> {
            if (reason.getValue().isBlank()) {
                reason.setInvalid(true);
                reason.setErrorMessage("Say why the invoice is voided");
                return;
            }
            actions.voidInvoice(invoice.id(), reason.getValue());
            dialog.close();
            afterChange.run();
            Ui.success("Invoice " + invoice.label() + " voided");
        });
        confirm.setId("invoice-void-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
    }

    private static Button button(String text, String idPrefix, InvoiceSummary invoice, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        button.setId(idPrefix + invoice.id());
        return button;
    }
}
