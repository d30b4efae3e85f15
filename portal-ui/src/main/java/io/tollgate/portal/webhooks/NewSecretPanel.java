package io.tollgate.portal.webhooks;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Shows a new signing secret exactly once, with a copy button and how receivers check a signature. */
class NewSecretPanel extends VerticalLayout {

    NewSecretPanel(String secret) {
        setPadding(false);
        Paragraph warning = new Paragraph("Copy this signing secret now. It is shown only once.");
        warning.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        TextField value = new TextField();
        value.setValue(secret);
        value.setReadOnly(true);
        value.setId("webhook-secret");
        value.setWidthFull();
        Button copy = new Button("Copy", click -> {
            value.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret);
            click.getSource().setText("Copied");
        });
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        Paragraph how = new Paragraph("Each delivery carries Tollgate-Signature: t=<unix seconds>,v1=<hex>. Compute "
                + "HMAC-SHA-256 of \"<t>.<raw body>\" with this secret, compare it with each v1 (right after a rotation there are two, one per secret), and refuse old t values. "
                + "Tollgate-Event-Id identifies the event, so a repeated delivery can be dropped.");
        how.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        add(warning, row, how);
    }
}
