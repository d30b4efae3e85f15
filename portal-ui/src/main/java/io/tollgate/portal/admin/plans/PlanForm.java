package io.tollgate.portal.admin.plans;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;
import java.math.BigDecimal;

/** Edits a tier's limits; an empty limit field means unlimited. */
public class PlanForm extends Composite<FormLayout> {

    private final Binder<PlanDraft> binder = new Binder<>(PlanDraft.class);

    public PlanForm(PlanDraft initial) {
        TextField name = new TextField("Name");
        binder.forField(name).asRequired("Name the plan").bind("name");
        IntegerField rpm = positive("requestsPerMinute", "Requests per minute");
        IntegerField rph = positive("requestsPerHour", "Requests per hour");
        IntegerField tpm = positiveLong("tokensPerMinute", "Tokens per minute");
        IntegerField tpd = positiveLong("tokensPerDay", "Tokens per day");
        IntegerField concurrent = positive("maxConcurrentRequests", "Concurrent requests");
        IntegerField maxTokens = positive("maxTokensPerRequest", "Max tokens per request");
        BigDecimalField markup = new BigDecimalField("Markup % (negative = discount)");
        binder.forField(markup).asRequired()
                .withValidator(v -> v.compareTo(BigDecimal.valueOf(-100)) > 0 && v.compareTo(BigDecimal.valueOf(1000)) <= 0,
                        "Between -100 (exclusive) and 1000").bind("markupPercent");
        binder.readRecord(initial);
        Button save = new Button("Save plan",
                click -> Forms.valid(binder).ifPresent(draft -> fireEvent(new SaveEvent(this, draft))));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("plan-save");
        getContent().add(name, rpm, rph, tpm, tpd, concurrent, maxTokens, markup, save);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    private IntegerField positive(String property, String label) {
        IntegerField field = new IntegerField(label);
        field.setPlaceholder("unlimited");
        binder.forField(field).withValidator(v -> v == null || v > 0, "Positive, or empty for unlimited").bind(property);
        return field;
    }

    private IntegerField positiveLong(String property, String label) {
        IntegerField field = new IntegerField(label);
        field.setPlaceholder("unlimited");
        binder.forField(field).withValidator(v -> v == null || v > 0, "Positive, or empty for unlimited")
                .withConverter(v -> v == null ? null : v.longValue(), v -> v == null ? null : Math.toIntExact(v))
                .bind(property);
        return field;
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<PlanForm> {

        private final PlanDraft draft;

        SaveEvent(PlanForm source, PlanDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public PlanDraft draft() {
            return draft;
        }
    }
}
