package io.tollgate.portal.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;
import org.jspecify.annotations.Nullable;

/** The one-time setup link of {@link AdminBootstrap}: chooses the first platform administrator's password. */
@Route(value = AdminBootstrap.SETUP_PATH, autoLayout = false)
@PageTitle("Set up Tollgate")
@AnonymousAllowed
class AdminSetupView extends Main implements BeforeEnterObserver {

    private final AdminBootstrap bootstrap;
    final EmailField email = new EmailField("Administrator email");
    final PasswordField password = new PasswordField("Password");
    final PasswordField confirmation = new PasswordField("Password again");
    final Button create = new Button("Create administrator");
    final Paragraph message = new Paragraph();
    private final FormLayout form = new FormLayout(email, password, confirmation, create);
    private @Nullable String token;

    AdminSetupView(AdminBootstrap bootstrap) {
        this.bootstrap = bootstrap;
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        email.setId("setup-email");
        password.setId("setup-password");
        password.setHelperText("At least " + AdminBootstrap.MIN_PASSWORD_LENGTH + " characters");
        confirmation.setId("setup-confirmation");
        create.setId("setup-create");
        message.setId("setup-message");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> submit());
        form.setMaxWidth("28rem");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new H1("Set up Tollgate"), message, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse(null);
        boolean open = bootstrap.setupOpen(token);
        form.setVisible(open);
        message.setText(open ? "Create the first platform administrator."
                : "This setup link is not valid (any more). Use the link in the portal's latest log, or sign in.");
        bootstrap.configuredEmail().ifPresent(configured -> {
            email.setValue(configured);
            email.setReadOnly(true);
        });
    }

    void submit() {
        if (!password.getValue().equals(confirmation.getValue())) {
            confirmation.setInvalid(true);
            confirmation.setErrorMessage("The passwords differ");
            return;
        }
        try {
            bootstrap.completeSetup(token == null ? "" : token, email.getValue(), password.getValue());
        } catch (IllegalArgumentException invalid) {
            message.setText(invalid.getMessage());
            return;
        }
        getUI().ifPresent(ui -> ui.navigate(LoginView.class));
    }
}
