package io.tollgate.portal.signup;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Where the link of the confirmation e-mail leads: the password chosen at sign-up completes it. */
@Route(value = SignupService.CONFIRM_ROUTE + "/:token", autoLayout = false)
@PageTitle("Confirm sign-up · Tollgate")
@AnonymousAllowed
class ConfirmSignupView extends Main implements BeforeEnterObserver {

    private String token = "";

    ConfirmSignupView(SignupService signups) {
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        PasswordField password = new PasswordField("The password you chose at sign-up");
        password.setId("confirm-password");
        password.setWidthFull();
        Button confirm = new Button("Create my account", click -> {
            signups.confirm(token, password.getValue());
            getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.of("signedUp", "1")));
        });
        confirm.setId("confirm-submit");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout form = new VerticalLayout(password, confirm);
        form.setMaxWidth("28rem");
        add(new H1("Confirm your sign-up"), new Paragraph("Your e-mail address is confirmed by this link. Enter the "
                + "password you chose to create the account."), form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getRouteParameters().get("token").orElse("");
    }
}
