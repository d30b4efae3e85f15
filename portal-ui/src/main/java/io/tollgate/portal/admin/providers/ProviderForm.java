package io.tollgate.portal.admin.providers;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;

/** Adds or edits a provider; the credential field starts empty and replaces the stored one only when filled. */
public class ProviderForm extends Composite<FormLayout> {

    private final Binder<ProviderDraft> binder = new Binder<>(ProviderDraft.class);
    private final PasswordField credential = new PasswordField();

    public ProviderForm(ProviderDraft initial, boolean hasCredential) {
        TextField name = new TextField("Name");
        binder.forField(name).asRequired("Name the provider").bind("name");
        Select<String> type = new Select<>();
        type.setLabel("Type");
        type.setItems("OPENAI", "OPENAI_COMPATIBLE", "AZURE_OPENAI", "ANTHROPIC", "GEMINI", "MOCK");
        binder.forField(type).asRequired().bind("type");
        TextField baseUrl = new TextField("Base URL");
        binder.forField(baseUrl).withNullRepresentation("")
                .withValidator(v -> v == null || v.isBlank() || v.trim().matches("https?://\\S+"),
                        "Starts with http:// or https://").bind("baseUrl");
        Checkbox enabled = new Checkbox("Enabled");
        binder.forField(enabled).bind("enabled");
        credential.setLabel(hasCredential ? "Replace credential (stored; leave empty to keep)" : "Credential (API key)");
        credential.setRevealButtonVisible(false);
        credential.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.OFF);
        binder.readRecord(initial);
        Button save = new Button("Save provider", click -> Forms.valid(binder).ifPresent(draft -> {
            String secret = credential.getValue();
            credential.clear();
            fireEvent(new SaveEvent(this, draft, secret));
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(name, type, baseUrl, credential, enabled, save);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<ProviderForm> {

        private final ProviderDraft draft;
        private final String credential;

        SaveEvent(ProviderForm source, ProviderDraft draft, String credential) {
            super(source, false);
            this.draft = draft;
            this.credential = credential;
        }

        public ProviderDraft draft() {
            return draft;
        }

        public String credential() {
            return credential;
        }
    }
}
