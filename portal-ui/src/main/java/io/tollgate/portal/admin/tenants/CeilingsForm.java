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
        IntegerField rpm = Forms.optionalLimit(binder, "requestsPerMinute", "Requests per minute", "no ceiling");
        IntegerField rph = Forms.optionalLimit(binder, "requestsPerHour", "Requests per hour", "no ceiling");
        IntegerField tpm = Forms.optionalLongLimit(binder, "tokensPerMinute", "Tokens per minute", "no ceiling");
        IntegerField tpd = Forms.optionalLongLimit(binder, "tokensPerDay", "Tokens per day", "no ceiling");
        IntegerField concurrent = Forms.optionalLimit(binder, "maxConcurrentRequests", "Concurrent requests", "no ceiling");
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
}
