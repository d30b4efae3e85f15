package io.tollgate.portal.security;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Tollgate")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    private final LoginForm login = new LoginForm();
    private final Paragraph signedUp = new Paragraph("Your organisation is ready. Sign in to continue.");

    public LoginView() {
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        setSizeFull();
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(
                "Check your email and password. After several failed attempts the account is locked for a while.");
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        Paragraph signup = new Paragraph("New to Tollgate? ");
        signup.add(new Anchor("signup", "Create an account for your organisation"));
        signedUp.setId("signed-up");
        signedUp.setVisible(false);
        add(new H1("Tollgate"), signedUp, login, signup);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        login.setError(parameters.containsKey("error"));
        signedUp.setVisible(parameters.containsKey("signedUp"));
    }
}
