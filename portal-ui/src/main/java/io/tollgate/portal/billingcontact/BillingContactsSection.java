package io.tollgate.portal.billingcontact;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Ui;
import java.util.OptionalLong;

/**
 * Lists, adds and removes the tenant's billing e-mail contacts; on the Webhooks page (ADMIN) and the Invoices page
 * (ADMIN and BILLING). Adding and removing name one address each, so they apply on whatever the list is now.
 */
public class BillingContactsSection extends Composite<VerticalLayout> {

    private final BillingContactService contacts;
    private final VerticalLayout list = new VerticalLayout();
    private final Paragraph none = Ui.emptyState("No billing contacts: budget alerts are not e-mailed.");
    private final EmailField email = new EmailField("New billing contact");
    private final Button add = new Button("Add contact", click -> add());

    public BillingContactsSection(BillingContactService contacts) {
        this.contacts = contacts;
        list.setId("billing-contacts");
        list.setPadding(false);
        list.setSpacing(false);
        email.setId("billing-contact-email");
        email.setWidth("min(24rem, 80vw)");
        email.setHelperText("Budget alerts are e-mailed to every contact, and invoices name them. At most "
                + BillingContactService.MOST_CONTACTS + ".");
        add.setId("billing-contact-add");
        HorizontalLayout row = new HorizontalLayout(email, add);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().add(new H3("Billing e-mail contacts"), none, list, row);
        getContent().setPadding(false);
        getContent().addClassName(LumoUtility.Margin.Top.LARGE);
        refresh();
    }

    private void add() {
        var problem = BillingContactService.problem(email.getValue());
        if (problem.isPresent()) {
            refuse(problem.get());
            return;
        }
        try {
            contacts.add(OptionalLong.empty(), email.getValue());
            email.clear();
            email.setInvalid(false);
            Ui.success("Billing contact added");
        } catch (PortalException refused) {
            refuse(refused.getMessage());
        }
        refresh();
    }

    private void remove(BillingContact contact) {
        try {
            contacts.remove(OptionalLong.empty(), contact.id());
            Ui.success(contact.email() + " removed");
        } catch (PortalException.NotFound removedMeanwhile) {
            Ui.success(contact.email() + " was already removed");
        }
        refresh();
    }

    private void refuse(String why) {
        email.setInvalid(true);
        email.setErrorMessage(why);
    }

    private void refresh() {
        BillingContacts current = contacts.contacts();
        list.removeAll();
        for (BillingContact contact : current.contacts()) {
            Button remove = new Button("Remove", click -> remove(contact));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.getElement().setAttribute("aria-label", "Remove " + contact.email());
            HorizontalLayout row = new HorizontalLayout(new Span(contact.email()), remove);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            row.addClassName("billing-contact");
            list.add(row);
        }
        none.setVisible(current.contacts().isEmpty());
        add.setEnabled(!current.full());
        email.setEnabled(!current.full());
    }
}
