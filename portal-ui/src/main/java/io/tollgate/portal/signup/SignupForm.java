package io.tollgate.portal.signup;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.validator.EmailValidator;
import com.vaadin.flow.data.validator.StringLengthValidator;
import com.vaadin.flow.shared.Registration;
import io.tollgate.portal.common.Forms;
import io.tollgate.portal.security.PasswordPolicy;

/** The sign-up form: validates each field and fires a {@link SaveEvent} with a complete request. */
public class SignupForm extends Composite<FormLayout> {

    final TextField organisation = new TextField("Organisation");
    final TextField displayName = new TextField("Your name");
    final EmailField email = new EmailField("Work email");
    final PasswordField password = new PasswordField("Password");
    final Button submit = new Button("Create account");
    private final Binder<SignupRequest> binder = new Binder<>(SignupRequest.class);

    public SignupForm() {
        binder.forField(organisation).asRequired("Enter your organisation's name")
                .withValidator(new StringLengthValidator("At most 200 characters", 1, 200)).bind("organisation");
        binder.forField(displayName).asRequired("Enter your name")
                .withValidator(new StringLengthValidator("At most 200 characters", 1, 200)).bind("displayName");
        binder.forField(email).asRequired("Enter your email")
                .withValidator(new EmailValidator("Enter a valid email address")).bind("email");
        binder.forField(password).asRequired("Choose a password")
                .withValidator(new StringLengthValidator(
                        "At least " + PasswordPolicy.MIN_LENGTH + " characters",
                        PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH))
                .bind("password");
        organisation.setId("signup-organisation");
        displayName.setId("signup-name");
        email.setId("signup-email");
        password.setId("signup-password");
        submit.setId("signup-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(click -> validateAndSave());
        getContent().add(organisation, displayName, email, password, submit);
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        getContent().setMaxWidth("28rem");
    }

    void validateAndSave() {
        Forms.valid(binder).ifPresent(request -> fireEvent(new SaveEvent(this, request)));
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public static class SaveEvent extends ComponentEvent<SignupForm> {

        private final SignupRequest request;

        SaveEvent(SignupForm source, SignupRequest request) {
            super(source, false);
            this.request = request;
        }

        public SignupRequest request() {
            return request;
        }
    }
}
