package io.tollgate.portal.admin.approvals;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;

/** Approve-with-limits-and-budget: every field is optional, an empty limit keeps the tenant plan's value. */
public class ApprovalForm extends Composite<FormLayout> {

    final IntegerField requestsPerMinute = new IntegerField("Requests per minute (override)");
    final IntegerField tokensPerMinute = new IntegerField("Tokens per minute (override)");
    final IntegerField tokensPerDay = new IntegerField("Tokens per day (override)");
    final BigDecimalField monthlyBudget = new BigDecimalField("Monthly budget for this app and model (USD)");
    final Select<String> budgetAction = new Select<>();
    final TextField reason = new TextField("Note to the tenant (optional)");
    final Button approve = new Button("Approve");
    private final Binder<ApprovalTerms> binder = new Binder<>(ApprovalTerms.class);

    public ApprovalForm() {
        for (IntegerField limit : new IntegerField[] {requestsPerMinute, tokensPerMinute, tokensPerDay}) {
            limit.setMin(1);
        }
        binder.forField(requestsPerMinute).withValidator(v -> v == null || v > 0, "Must be positive")
                .bind("requestsPerMinute");
        binder.forField(tokensPerMinute).withValidator(v -> v == null || v > 0, "Must be positive")
                .withConverter(ApprovalForm::toLong, ApprovalForm::toInteger).bind("tokensPerMinute");
        binder.forField(tokensPerDay).withValidator(v -> v == null || v > 0, "Must be positive")
                .withConverter(ApprovalForm::toLong, ApprovalForm::toInteger).bind("tokensPerDay");
        binder.forField(monthlyBudget).withValidator(v -> v == null || v.signum() > 0, "Must be more than zero")
                .bind("monthlyBudgetUsd");
        budgetAction.setLabel("At 100 % of the budget");
        budgetAction.setItems("BLOCK", "ALERT_ONLY");
        binder.forField(budgetAction).asRequired().bind("budgetAction");
        binder.forField(reason).bind("reason");
        binder.readRecord(ApprovalTerms.plain(""));
        monthlyBudget.setId("approval-budget");
        approve.setId("approval-submit");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
        approve.addClickListener(click -> Forms.valid(binder).ifPresent(terms -> fireEvent(new SaveEvent(this, terms))));
        Button cancel = new Button("Cancel", click -> fireEvent(new CancelEvent(this)));
        getContent().add(requestsPerMinute, tokensPerMinute, tokensPerDay, monthlyBudget, budgetAction, reason,
                new HorizontalLayout(approve, cancel));
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    private static Long toLong(Integer value) {
        return value == null ? null : value.longValue();
    }

    private static Integer toInteger(Long value) {
        return value == null ? null : Math.toIntExact(value);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<ApprovalForm> {

        private final ApprovalTerms terms;

        SaveEvent(ApprovalForm source, ApprovalTerms terms) {
            super(source, false);
            this.terms = terms;
        }

        public ApprovalTerms terms() {
            return terms;
        }
    }

    public static class CancelEvent extends ComponentEvent<ApprovalForm> {

        CancelEvent(ApprovalForm source) {
            super(source, false);
        }
    }
}
