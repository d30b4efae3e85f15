package io.tollgate.portal.apps;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.shared.Registration;

/** The tenant admin's switch for an app's response caching; fires {@link SaveEvent} or {@link CancelEvent}. */
public class AppCacheForm extends Composite<FormLayout> {

    final Checkbox enabled = new Checkbox("Answer identical requests from the cache");
    final Checkbox nondeterministic = new Checkbox("Also cache requests whose answers can vary");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");

    public AppCacheForm(AppCacheSettings initial) {
        enabled.setId("app-cache-enabled");
        enabled.setHelperText("Same model and request body within the time the request allows (5 minutes unless it "
                + "sends x-tollgate-cache-ttl): answered by the gateway at no cost. Streams are never cached; clients "
                + "can opt out per request with x-tollgate-cache: bypass.");
        nondeterministic.setId("app-cache-nondeterministic");
        nondeterministic.setHelperText("Requests with a temperature above 0 (or none, where providers default to 1) "
                + "or a user field. Off: those always go to the provider.");
        enabled.setValue(initial.enabled());
        nondeterministic.setValue(initial.nondeterministic());
        nondeterministic.setEnabled(initial.enabled());
        enabled.addValueChangeListener(change -> {
            nondeterministic.setEnabled(change.getValue());
            if (!change.getValue()) {
                nondeterministic.setValue(false);
            }
        });
        save.setId("app-cache-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> fireEvent(new SaveEvent(this,
                new AppCacheSettings(enabled.getValue(), nondeterministic.getValue()))));
        cancel.addClickListener(click -> fireEvent(new CancelEvent(this)));
        getContent().add(enabled, nondeterministic, new HorizontalLayout(save, cancel));
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<AppCacheForm> {

        private final AppCacheSettings settings;

        SaveEvent(AppCacheForm source, AppCacheSettings settings) {
            super(source, false);
            this.settings = settings;
        }

        public AppCacheSettings settings() {
            return settings;
        }
    }

    public static class CancelEvent extends ComponentEvent<AppCacheForm> {

        CancelEvent(AppCacheForm source) {
            super(source, false);
        }
    }
}
