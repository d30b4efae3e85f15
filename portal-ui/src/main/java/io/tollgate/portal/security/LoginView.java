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

    public LoginView(SingleSignOn singleSignOn) {
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        setSizeFull();
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setUsername("Email");
        i18n.getErrorMessage().setTitle("Sign-in failed");
        i18n.getErrorMessage().setMessage(
                "Check your email and password. After several failed attempts the account is locked for a while.");
        singleSignOn.buttonText().ifPresent(sso -> i18n.getErrorMessage().setMessage(i18n.getErrorMessage().getMessage()
                + " With single sign-on, your provider's email must belong to a Tollgate account."));
        login.setI18n(i18n);
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        Paragraph signup = new Paragraph("New to Tollgate? ");
        signup.add(new Anchor("signup", "Create an account for your organisation"));
        signedUp.setId("signed-up");
        signedUp.setVisible(false);
        add(new H1("Tollgate"), signedUp, login);
        singleSignOn.buttonText().ifPresent(text -> {
            Anchor sso = new Anchor(SingleSignOn.START_PATH, text);
            sso.setRouterIgnore(true);
            sso.setId("sso-sign-in");
            sso.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.Padding.SMALL);
            add(sso);
        });
        add(signup);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        login.setError(parameters.containsKey("error"));
        signedUp.setVisible(parameters.containsKey("signedUp"));
    }
}
