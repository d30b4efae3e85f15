package io.tollgate.portal.apikeys;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import java.util.Optional;

/** Shows a new key's plaintext exactly once, with a copy button and ready-to-paste snippets. */
class NewKeyPanel extends VerticalLayout {

    NewKeyPanel(CreatedKey key, String gatewayUrl, Optional<String> model) {
        setPadding(false);
        Paragraph warning = new Paragraph("Copy this key now. It is shown only once; Tollgate keeps only a hash.");
        warning.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontWeight.SEMIBOLD);
        TextField value = new TextField();
        value.setValue(key.plaintext());
        value.setReadOnly(true);
        value.setId("new-key-value");
        value.setWidthFull();
        Button copy = new Button("Copy", click -> {
            value.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", key.plaintext());
            click.getSource().setText("Copied");
        });
        copy.setId("copy-key");
        copy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout row = new HorizontalLayout(value, copy);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        String modelName = model.orElse("MODEL");
        add(warning, row, new H4("curl"), snippet(curl(key.plaintext(), gatewayUrl, modelName)),
                new H4("OpenAI SDK (Python)"), snippet(python(key.plaintext(), gatewayUrl, modelName)));
        if (model.isEmpty()) {
            Paragraph hint = new Paragraph("Replace MODEL with a model this app is subscribed to (Model catalog).");
            hint.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            add(hint);
        }
    }

    static String curl(String key, String gatewayUrl, String model) {
        return "curl " + gatewayUrl + "/v1/chat/completions \\\n"
                + "  -H \"Authorization: Bearer " + key + "\" \\\n"
                + "  -H \"Content-Type: application/json\" \\\n"
                + "  -d '{\"model\": \"" + model + "\", \"messages\": [{\"role\": \"user\", \"content\": \"Hello\"}]}'";
    }

    static String python(String key, String gatewayUrl, String model) {
        return "from openai import OpenAI\n\n"
                + "client = OpenAI(base_url=\"" + gatewayUrl + "/v1\", api_key=\"" + key + "\")\n"
                + "reply = client.chat.completions.create(model=\"" + model + "\",\n"
                + "    messages=[{\"role\": \"user\", \"content\": \"Hello\"}])\n"
                + "print(reply.choices[0].message.content)";
    }

    private static Pre snippet(String text) {
        Pre pre = new Pre(text);
        pre.addClassNames(LumoUtility.Background.CONTRAST_5, LumoUtility.Padding.SMALL, LumoUtility.FontSize.XSMALL,
                LumoUtility.Overflow.AUTO, LumoUtility.BorderRadius.MEDIUM);
        pre.setWidthFull();
        // soft wraps keep long lines on screen; copying still yields the lines as written
        pre.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("box-sizing", "border-box")
                .set("margin", "0");
        return pre;
    }
}
