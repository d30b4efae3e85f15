package io.tollgate.portal.admin.tenants;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import io.tollgate.portal.common.Forms;
import java.util.function.Consumer;

/** Edits a tenant's ceilings; an empty field means no ceiling for that limit. */
class CeilingsForm extends Composite<FormLayout> {

    private final Binder<TenantCeilings> binder = new Binder<>(TenantCeilings.class);

    private Consumer<TenantCeilings> onSave = ceilings -> { };

    CeilingsForm(TenantCeilings initial) {
        IntegerField rpm = positive("requestsPerMinute", "Requests per minute");
        IntegerField rph = positive("requestsPerHour", "Requests per hour");
        IntegerField tpm = positiveLong("tokensPerMinute", "Tokens per minute");
        IntegerField tpd = positiveLong("tokensPerDay", "Tokens per day");
        IntegerField concurrent = positive("maxConcurrentRequests", "Concurrent requests");
        binder.readRecord(initial);
        Button save = new Button("Save ceilings", click -> Forms.valid(binder).ifPresent(ceilings -> onSave.accept(ceilings)));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("ceilings-save");
        getContent().add(rpm, rph, tpm, tpd, concurrent, save);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    void onSave(Consumer<TenantCeilings> action) {
        this.onSave = action;
    }

    private IntegerField positive(String property, String label) {
        IntegerField field = new IntegerField(label);
        field.setPlaceholder("no ceiling");
        binder.forField(field).withValidator(v -> v == null || v > 0, "Positive, or empty for no ceiling").bind(property);
        return field;
    }

    private IntegerField positiveLong(String property, String label) {
        IntegerField field = new IntegerField(label);
        field.setPlaceholder("no ceiling");
        binder.forField(field).withValidator(v -> v == null || v > 0, "Positive, or empty for no ceiling")
                .withConverter(v -> v == null ? null : v.longValue(), v -> v == null ? null : Math.toIntExact(v))
                .bind(property);
        return field;
    }
}
