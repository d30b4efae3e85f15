package io.tollgate.portal.apps;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;

/** Create or edit an app; fires {@link SaveEvent} with a valid draft, or {@link CancelEvent}. */
public class AppForm extends Composite<FormLayout> {

    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private final Binder<AppDraft> binder = new Binder<>(AppDraft.class);

    public AppForm(AppDraft initial) {
        binder.forField(name).asRequired("Give the app a name")
                .withValidator(new StringLengthValidator("At most 100 characters", 1, 100)).bind("name");
        binder.forField(description)
                .withValidator(new StringLengthValidator("At most 1000 characters", 0, 1000)).bind("description");
        binder.readRecord(initial);
        name.setId("app-name");
        save.setId("app-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            Forms.valid(binder).ifPresent(draft -> fireEvent(new SaveEvent(this, draft)));
        });
        cancel.addClickListener(click -> fireEvent(new CancelEvent(this)));
        getContent().add(name, description, new HorizontalLayout(save, cancel));
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<AppForm> {

        private final AppDraft draft;

        SaveEvent(AppForm source, AppDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        public AppDraft draft() {
            return draft;
        }
    }

    public static class CancelEvent extends ComponentEvent<AppForm> {

        CancelEvent(AppForm source) {
            super(source, false);
        }
    }
}
