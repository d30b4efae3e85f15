package io.tollgate.portal.admin.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The provider form asks each type for what it needs: a Bedrock provider its region and its AWS credential. */
class ProviderFormTest {

    private final List<ProviderForm.SaveEvent> saved = new ArrayList<>();

    @Test
    void a_bedrock_provider_saves_its_region_and_its_access_keys_as_the_json_the_gateway_reads() {
        ProviderForm form = form(new ProviderDraft("", "OPENAI", "", true, null, true, null, null, null), false);
        field(form, TextField.class, "provider-name").setValue("bedrock-eu");
        select(form).setValue("BEDROCK");
        field(form, TextField.class, "provider-region").setValue("eu-central-1");
        field(form, TextField.class, "bedrock-access-key-id").setValue("AKIAIOSFODNN7EXAMPLE");
        field(form, PasswordField.class, "bedrock-secret-access-key").setValue("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        field(form, PasswordField.class, "bedrock-session-token").setValue("IQoJb3JpZ2luX2Vj");

        field(form, Button.class, "provider-save").click();

        assertThat(saved).singleElement().satisfies(save -> {
            assertThat(save.draft()).isEqualTo(new ProviderDraft("bedrock-eu", "BEDROCK", null, true, "eu-central-1", true, null, null, null));
            assertThat(save.credential()).isEqualTo("{\"accessKeyId\":\"AKIAIOSFODNN7EXAMPLE\","
                    + "\"secretAccessKey\":\"wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\",\"sessionToken\":\"IQoJb3JpZ2luX2Vj\"}");
        });
        assertThat(field(form, PasswordField.class, "bedrock-secret-access-key").getValue()).isEmpty();
    }

    @Test
    void a_bedrock_api_key_is_stored_as_it_is_and_the_other_types_fields_are_hidden() {
        ProviderForm form = form(new ProviderDraft("", "OPENAI", "", true, null, true, null, null, null), false);
        field(form, TextField.class, "provider-name").setValue("bedrock-us");
        select(form).setValue("BEDROCK");
        field(form, TextField.class, "provider-region").setValue("us-east-1");
        radio(form).setValue(ProviderForm.API_KEY);
        field(form, PasswordField.class, "bedrock-api-key").setValue("ABSKQmVkcm9ja0FQSUtleQ==");

        assertThat(field(form, PasswordField.class, "credential").isVisible()).isFalse();
        assertThat(field(form, TextField.class, "bedrock-access-key-id").isVisible()).isFalse();
        field(form, Button.class, "provider-save").click();

        assertThat(saved).singleElement().satisfies(save -> assertThat(save.credential()).isEqualTo("ABSKQmVkcm9ja0FQSUtleQ=="));
    }

    @Test
    void a_bedrock_provider_without_a_region_or_with_half_a_key_pair_is_not_saved() {
        ProviderForm form = form(new ProviderDraft("bedrock", "BEDROCK", null, true, null, true, null, null, null), false);

        field(form, Button.class, "provider-save").click();
        assertThat(saved).isEmpty();
        assertThat(field(form, TextField.class, "provider-region").getErrorMessage()).isEqualTo(ProviderDraft.REGION_RULE);

        field(form, TextField.class, "provider-region").setValue("us-west-2");
        field(form, TextField.class, "bedrock-access-key-id").setValue("AKIAIOSFODNN7EXAMPLE");
        field(form, Button.class, "provider-save").click();
        assertThat(saved).isEmpty();
        assertThat(field(form, PasswordField.class, "bedrock-secret-access-key").isInvalid()).isTrue();
        assertThat(field(form, PasswordField.class, "bedrock-secret-access-key").getErrorMessage())
                .isEqualTo(ProviderForm.KEY_PAIR_RULE);
    }

    @Test
    void editing_keeps_the_stored_credential_when_no_key_is_given_and_other_types_save_no_region() {
        ProviderForm bedrock = form(new ProviderDraft("bedrock", "BEDROCK", null, true, "ap-southeast-2", true, null, null, null), true);
        field(bedrock, Button.class, "provider-save").click();
        ProviderForm openAi = form(new ProviderDraft("openai", "OPENAI", "https://api.openai.example/v1", true, null, true, null, null, null), true);
        field(openAi, TextField.class, "provider-region").setValue("us-east-1");
        field(openAi, Button.class, "provider-save").click();

        assertThat(saved).extracting(ProviderForm.SaveEvent::credential).containsExactly("", "");
        assertThat(saved.getFirst().draft().region()).isEqualTo("ap-southeast-2");
        assertThat(saved.getLast().draft().region()).isNull();
        assertThat(field(openAi, TextField.class, "provider-region").isVisible()).isFalse();
    }

    @Test
    void an_openai_compatible_server_that_refuses_stream_options_is_saved_as_such_and_other_types_are_not_asked() {
        ProviderForm form = form(new ProviderDraft("", "OPENAI", "", true, null, true, null, null, null), false);
        field(form, TextField.class, "provider-name").setValue("vllm");
        select(form).setValue("OPENAI_COMPATIBLE");
        field(form, TextField.class, "provider-base-url").setValue("http://vllm.internal:8000/v1");
        Checkbox streamOptions = field(form, Checkbox.class, "provider-stream-options");
        assertThat(streamOptions.isVisible()).isTrue();
        assertThat(streamOptions.getValue()).as("on by default").isTrue();
        assertThat(streamOptions.getLabel()).isEqualTo("Server accepts stream_options");

        streamOptions.setValue(false);
        field(form, Button.class, "provider-save").click();
        select(form).setValue("ANTHROPIC");
        assertThat(streamOptions.isVisible()).isFalse();
        field(form, Button.class, "provider-save").click();

        assertThat(saved).extracting(save -> save.draft().acceptsStreamOptions()).containsExactly(false, true);
        assertThat(saved.getFirst().draft()).isEqualTo(new ProviderDraft("vllm", "OPENAI_COMPATIBLE",
                "http://vllm.internal:8000/v1", true, null, false, null, null, null));
    }

    @Test
    void editing_shows_the_stored_stream_options_choice_for_each_openai_wire_type() {
        for (String type : new String[] {"OPENAI", "OPENAI_COMPATIBLE", "AZURE_OPENAI"}) {
            ProviderForm form = form(new ProviderDraft("p", type, "https://llm.example/v1", true, null, false, null, null, null), true);
            Checkbox streamOptions = field(form, Checkbox.class, "provider-stream-options");
            assertThat(streamOptions.isVisible()).as(type).isTrue();
            assertThat(streamOptions.getValue()).as(type).isFalse();
        }
        for (String type : new String[] {"ANTHROPIC", "GEMINI", "BEDROCK", "MOCK"}) {
            assertThat(field(form(new ProviderDraft("p", type, null, true, "us-east-1", true, null, null, null), true), Checkbox.class,
                    "provider-stream-options").isVisible()).as(type).isFalse();
        }
    }

    @Test
    void a_health_check_interval_is_saved_within_its_range_and_empty_means_none() {
        ProviderForm form = form(new ProviderDraft("mock", "MOCK", null, true, null, true, null, null, null), false);
        IntegerField interval = field(form, IntegerField.class, "provider-health-check-seconds");
        assertThat(interval.getLabel()).isEqualTo("Health check every N seconds");
        assertThat(interval.getValue()).as("off by default").isNull();

        interval.setValue(4);
        field(form, Button.class, "provider-save").click();
        assertThat(saved).as("below 5 seconds").isEmpty();
        assertThat(interval.isInvalid()).isTrue();
        interval.setValue(3601);
        field(form, Button.class, "provider-save").click();
        assertThat(saved).as("above an hour").isEmpty();

        interval.setValue(30);
        field(form, Button.class, "provider-save").click();
        interval.clear();
        field(form, Button.class, "provider-save").click();

        assertThat(saved).extracting(save -> save.draft().healthCheckSeconds()).containsExactly(30, null);
        assertThat(field(form(new ProviderDraft("mock", "MOCK", null, true, null, true, 45, null, null), true), IntegerField.class,
                "provider-health-check-seconds").getValue()).as("an edit shows the stored interval").isEqualTo(45);
    }

    @Test
    void the_connect_and_response_timeouts_show_the_stored_values_and_are_saved_within_their_bounds() {
        ProviderForm form = form(ProviderDraft.blank(), false);
        field(form, TextField.class, "provider-name").setValue("mock");
        select(form).setValue("MOCK");
        IntegerField connect = field(form, IntegerField.class, "provider-connect-timeout");
        IntegerField response = field(form, IntegerField.class, "provider-response-timeout");
        assertThat(connect.getLabel()).isEqualTo("Connect timeout (ms)");
        assertThat(response.getLabel()).isEqualTo("Response timeout (ms)");
        assertThat(connect.getValue()).as("a new provider's default").isEqualTo(5_000);
        assertThat(response.getValue()).isEqualTo(120_000);

        connect.setValue(60_001);
        field(form, Button.class, "provider-save").click();
        assertThat(saved).as("above a minute").isEmpty();
        assertThat(connect.isInvalid()).isTrue();
        connect.setValue(1_500);
        response.setValue(0);
        field(form, Button.class, "provider-save").click();
        assertThat(saved).as("not positive").isEmpty();
        response.setValue(600_000);
        field(form, Button.class, "provider-save").click();

        assertThat(saved).singleElement().satisfies(save -> {
            assertThat(save.draft().connectTimeoutMs()).isEqualTo(1_500);
            assertThat(save.draft().responseTimeoutMs()).isEqualTo(600_000);
        });
    }

    private ProviderForm form(ProviderDraft draft, boolean hasCredential) {
        ProviderForm form = new ProviderForm(draft, hasCredential);
        form.addSaveListener(saved::add);
        return form;
    }

    @SuppressWarnings("unchecked")
    private static Select<String> select(Component root) {
        return field(root, Select.class, "provider-type");
    }

    @SuppressWarnings("unchecked")
    private static RadioButtonGroup<String> radio(Component root) {
        return field(root, RadioButtonGroup.class, "bedrock-auth");
    }

    private static <T extends Component> T field(Component root, Class<T> type, String id) {
        return all(root).filter(type::isInstance).map(type::cast)
                .filter(component -> component.getId().filter(id::equals).isPresent()).findFirst().orElseThrow();
    }

    private static Stream<Component> all(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(ProviderFormTest::all));
    }
}
