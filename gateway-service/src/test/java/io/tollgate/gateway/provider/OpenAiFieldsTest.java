package io.tollgate.gateway.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.gateway.error.RejectedException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiFieldsTest {

    private static final JsonMapper json = JsonMapper.builder().build();

    private static JsonNode parse(String text) {
        return json.readTree(text);
    }

    @Test
    void stop_is_one_string_or_the_strings_of_an_array() {
        assertThat(OpenAiFields.stopSequences(parse("\"END\""))).containsExactly("END");
        assertThat(OpenAiFields.stopSequences(parse("[\"a\", 3, \"b\", null]"))).containsExactly("a", "b");
        assertThat(OpenAiFields.stopSequences(parse("[]"))).isNull();
        assertThat(OpenAiFields.stopSequences(parse("{}").path("stop"))).isNull();
    }

    @Test
    void a_value_of_another_type_counts_as_absent() {
        JsonNode body = parse("{\"temperature\": \"hot\", \"n\": 2, \"top_p\": 0.5, \"user\": 7}");
        assertThat(OpenAiFields.decimal(body.path("temperature"))).isNull();
        assertThat(OpenAiFields.decimal(body.path("top_p"))).isEqualTo(0.5);
        assertThat(OpenAiFields.integer(body.path("n"))).isEqualTo(2);
        assertThat(OpenAiFields.string(body.path("user"))).isNull();
    }

    @Test
    void a_missing_required_string_is_refused_naming_its_parameter() {
        assertThatThrownBy(() -> OpenAiFields.requireString(parse("{}").path("name"), "tools"))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection().status()).isEqualTo(400);
                    assertThat(e.rejection().param()).isEqualTo("tools");
                    assertThat(e.rejection().code()).isEqualTo("unsupported_for_provider");
                });
    }
}
