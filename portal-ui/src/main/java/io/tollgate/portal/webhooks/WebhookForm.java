package io.tollgate.portal.webhooks;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.shared.Registration;
import io.tollgate.model.webhook.WebhookEvents;
import io.tollgate.portal.common.Forms;

/** Registers a webhook: its URL and the events it receives, only those Tollgate really sends. */
public class WebhookForm extends Composite<FormLayout> {

    final TextField url = new TextField("URL");
    final CheckboxGroup<String> events = new CheckboxGroup<>("Events");
    final Button save = new Button("Register webhook");
    private final Binder<WebhookDraft> binder = new Binder<>(WebhookDraft.class);

    public WebhookForm(WebhookDraft initial) {
        url.setPlaceholder("https://hooks.example.com/tollgate");
        url.setHelperText("https, or http for localhost");
        url.setId("webhook-url");
        url.setWidthFull();
        events.setItems(WebhookEvents.SUBSCRIBABLE);
        events.setItemLabelGenerator(WebhookForm::label);
        events.setId("webhook-events");
        binder.forField(url).asRequired("Enter the URL Tollgate posts to")
                .withValidator((value, context) -> WebhookRules.urlProblem(value).map(ValidationResult::error)
                        .orElse(ValidationResult.ok()))
                .bind("url");
        binder.forField(events).withValidator(chosen -> !chosen.isEmpty(), "Choose at least one event")
                .bind("events");
        binder.readRecord(initial);
        save.setId("webhook-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> Forms.valid(binder).ifPresent(draft -> fireEvent(new SaveEvent(this, draft))));
        Button cancel = new Button("Cancel", click -> fireEvent(new CancelEvent(this)));
        getContent().add(url, events, new HorizontalLayout(save, cancel));
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    }

    /** Shows the service's refusal of the URL (e.g. a host inside the platform's network) on the field. */
    void refuseUrl(String reason) {
        url.setInvalid(true);
        url.setErrorMessage(reason);
    }

    static String label(String event) {
        return switch (event) {
            case WebhookEvents.BUDGET_THRESHOLD -> "A budget crosses an alert threshold (budget.threshold)";
            default -> event;
        };
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<WebhookForm> {

        private final WebhookDraft draft;

        SaveEvent(WebhookForm source, WebhookDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public WebhookDraft draft() {
            return draft;
        }
    }

    public static class CancelEvent extends ComponentEvent<WebhookForm> {

        CancelEvent(WebhookForm source) {
            super(source, false);
        }
    }
}
