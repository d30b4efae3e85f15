package io.tollgate.portal.signup;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;

@Route(value = "signup", autoLayout = false)
@PageTitle("Sign up · Tollgate")
@AnonymousAllowed
class SignupView extends Main {

    SignupView(SignupService signups) {
        addClassNames(LumoUtility.Display.FLEX, LumoUtility.FlexDirection.COLUMN, LumoUtility.AlignItems.CENTER,
                LumoUtility.Padding.MEDIUM, LumoUtility.BoxSizing.BORDER);
        SignupForm form = new SignupForm();
        form.addSaveListener(save -> {
            signups.signUp(save.request());
            getUI().ifPresent(ui -> ui.navigate("login", QueryParameters.of("signedUp", "1")));
        });
        Paragraph intro = new Paragraph("Create your organisation's account. You become its administrator and can "
                + "invite your team afterwards.");
        Paragraph signIn = new Paragraph("Already have an account? ");
        signIn.add(new Anchor("login", "Sign in"));
        add(new H1("Sign up"), intro, form, signIn);
    }
}
