package io.tollgate.portal.billingcontact;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.tollgate.portal.common.PortalException;
import io.tollgate.portal.common.Ui;
import org.springframework.dao.OptimisticLockingFailureException;

/** Edits the tenant's billing e-mail; on the Webhooks page (ADMIN) and the Invoices page (ADMIN and BILLING). */
public class BillingEmailSection extends Composite<VerticalLayout> {

    private final BillingContactService contacts;
    private final EmailField email = new EmailField("Billing e-mail");
    private long shownVersion;

    public BillingEmailSection(BillingContactService contacts) {
        this.contacts = contacts;
        email.setId("billing-email");
        email.setHelperText("Budget alerts are e-mailed here, and invoices name it. Leave empty for none.");
        email.setWidth("min(24rem, 80vw)");
        show(contacts.contact());
        Button save = new Button("Save e-mail", click -> save());
        save.setId("billing-email-save");
        HorizontalLayout row = new HorizontalLayout(email, save);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().add(new H3("Billing e-mail"), row);
        getContent().setPadding(false);
        getContent().addClassName(LumoUtility.Margin.Top.LARGE);
    }

    private void save() {
        var problem = BillingContactService.problem(email.getValue());
        if (problem.isPresent()) {
            email.setInvalid(true);
            email.setErrorMessage(problem.get());
            return;
        }
        try {
            contacts.changeBillingEmail(shownVersion, email.getValue());
            show(contacts.contact());
            email.setInvalid(false);
            Ui.success("Billing e-mail saved");
        } catch (PortalException refused) {
            email.setInvalid(true);
            email.setErrorMessage(refused.getMessage());
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            show(contacts.contact());
            email.setInvalid(true);
            email.setErrorMessage("Changed meanwhile; this is the address now. Save again to replace it.");
        }
    }

    private void show(BillingContact contact) {
        shownVersion = contact.version();
        email.setValue(contact.address().orElse(""));
    }
}
