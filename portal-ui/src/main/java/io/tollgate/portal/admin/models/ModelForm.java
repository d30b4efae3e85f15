package io.tollgate.portal.admin.models;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;

/** Adds or edits a catalog model. */
public class ModelForm extends Composite<FormLayout> {

    private final Binder<ModelDraft> binder = new Binder<>(ModelDraft.class);

    public ModelForm(ModelDraft initial) {
        TextField name = new TextField("Name clients send (e.g. gpt-4o-mini)");
        name.setId("model-name");
        binder.forField(name).asRequired("Name the model")
                .withValidator(ModelDraft::validName, ModelDraft.NAME_RULE).bind("name");
        TextField displayName = new TextField("Display name");
        binder.forField(displayName).asRequired(ModelDraft.DISPLAY_NAME_RULE)
                .withValidator(ModelDraft::validDisplayName, ModelDraft.DISPLAY_NAME_RULE).bind("displayName");
        TextArea description = new TextArea("Description");
        binder.forField(description).bind("description");
        TextField capabilities = new TextField("Capabilities (comma separated)");
        binder.forField(capabilities).bind("capabilities");
        IntegerField context = new IntegerField("Context window (tokens)");
        binder.forField(context).asRequired("Enter the context window")
                .withValidator(ModelDraft::validContextWindow, ModelDraft.POSITIVE_RULE).bind("contextWindow");
        IntegerField maxOutput = new IntegerField("Max output tokens (optional)");
        binder.forField(maxOutput).withValidator(ModelDraft::validMaxOutput, ModelDraft.POSITIVE_RULE)
                .bind("maxOutputTokens");
        Checkbox approval = new Checkbox("Requests need an administrator's approval");
        binder.forField(approval).bind("requiresApproval");
        Select<String> status = new Select<>();
        status.setLabel("Status");
        status.setItems(ModelDraft.STATUSES);
        binder.forField(status).asRequired().bind("status");
        binder.readRecord(initial);
        Button save = new Button("Save model",
                click -> Forms.valid(binder).ifPresent(draft -> fireEvent(new SaveEvent(this, draft))));
        save.setId("model-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getContent().add(name, displayName, description, capabilities, context, maxOutput, status, approval, save);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<ModelForm> {

        private final ModelDraft draft;

        SaveEvent(ModelForm source, ModelDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public ModelDraft draft() {
            return draft;
        }
    }
}
