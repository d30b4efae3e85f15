package io.tollgate.portal.signup;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
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
        Paragraph sent = new Paragraph();
        sent.setId("signup-sent");
        sent.setVisible(false);
        form.addSaveListener(save -> {
            signups.signUp(save.request(), VaadinRequest.getCurrent().getRemoteAddr());
            form.setVisible(false);
            // the same answer whether or not the address already has an account
            sent.setText("Check your inbox: we sent a link to " + save.request().email().trim()
                    + ". Open it to finish creating your account.");
            sent.setVisible(true);
        });
        Paragraph intro = new Paragraph("Create your organisation's account. You become its administrator and can "
                + "invite your team afterwards.");
        Paragraph signIn = new Paragraph("Already have an account? ");
        signIn.add(new Anchor("login", "Sign in"));
        add(new H1("Sign up"), intro, form, sent, signIn);
    }
}
