package io.tollgate.portal.apikeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NewKeyPanelTest {

    private static final CreatedKey KEY = new CreatedKey(UUID.randomUUID(), "tg_AbCdEfGh",
            "tg_AbCdEfGhijklmnopqrstuvwxyz012345");

    @Test
    void the_snippets_call_this_installations_gateway_with_the_new_key_and_an_approved_model() {
        NewKeyPanel panel = new NewKeyPanel(KEY, "https://llm.example.com", Optional.of("gpt-4o-mini"));

        List<String> snippets = all(panel).filter(Pre.class::isInstance).map(pre -> ((Pre) pre).getText()).toList();
        assertThat(snippets).hasSize(2);
        assertThat(snippets.get(0)).startsWith("curl https://llm.example.com/v1/chat/completions")
                .contains("Authorization: Bearer " + KEY.plaintext()).contains("\"model\": \"gpt-4o-mini\"");
        assertThat(snippets.get(1)).contains("base_url=\"https://llm.example.com/v1\"")
                .contains("api_key=\"" + KEY.plaintext() + "\"").contains("model=\"gpt-4o-mini\"");
        assertThat(all(panel).filter(TextField.class::isInstance).map(field -> ((TextField) field).getValue()))
                .containsExactly(KEY.plaintext());
        assertThat(all(panel).filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText()))
                .noneMatch(text -> text.contains("Replace MODEL"));
    }

    @Test
    void without_an_approved_model_the_snippets_say_which_placeholder_to_replace() {
        NewKeyPanel panel = new NewKeyPanel(KEY, "http://localhost:8080", Optional.empty());

        assertThat(all(panel).filter(Pre.class::isInstance).map(pre -> ((Pre) pre).getText()))
                .allMatch(text -> text.contains("MODEL"));
        assertThat(all(panel).filter(Paragraph.class::isInstance).map(p -> ((Paragraph) p).getText()))
                .anyMatch(text -> text.startsWith("Replace MODEL"));
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(NewKeyPanelTest::all));
    }
}
