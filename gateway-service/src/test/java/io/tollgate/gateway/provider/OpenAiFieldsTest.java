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

    @Test
    void texts_are_the_string_or_the_text_and_refusal_parts_and_nothing_else() {
        assertThat(OpenAiFields.texts(parse("\"Hi\""))).containsExactly("Hi");
        assertThat(OpenAiFields.texts(parse("\"\""))).isEmpty();
        assertThat(OpenAiFields.texts(parse("""
                [{"type":"text","text":"a"},{"type":"refusal","refusal":"no"},{"type":"text","text":""}]""")))
                .containsExactly("a", "no");
        assertThatThrownBy(() -> OpenAiFields.texts(parse("[{\"type\":\"image_url\",\"image_url\":\"x\"}]")))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.rejection().message()).contains("'image_url' is not accepted"));
    }

    @Test
    void user_content_maps_text_and_images_and_refuses_other_parts() {
        JsonNode content = parse("""
                [{"type":"text","text":"look"},{"type":"image_url","image_url":{"url":"https://x/cat.png"}}]""");
        assertThat(OpenAiFields.userContent(content, text -> "text:" + text,
                image -> "image:" + image.path("url").asString()))
                .containsExactly("text:look", "image:https://x/cat.png");
        assertThat(OpenAiFields.userContent(parse("\"Hi\""), text -> "text:" + text, image -> "image"))
                .containsExactly("text:Hi");
        assertThatThrownBy(() -> OpenAiFields.userContent(parse("[{\"type\":\"input_audio\"}]"),
                text -> text, image -> "image"))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection().status()).isEqualTo(400);
                    assertThat(e.rejection().message()).contains("'input_audio' cannot be sent");
                });
    }

    @Test
    void tool_call_arguments_are_json_an_empty_object_when_blank_and_refused_when_broken() {
        assertThat(OpenAiFields.toolCallArguments(parse("{\"arguments\":\"{\\\"city\\\":\\\"Oslo\\\"}\"}"), json)
                .path("city").asString()).isEqualTo("Oslo");
        assertThat(OpenAiFields.toolCallArguments(parse("{\"arguments\":\" \"}"), json).isEmpty()).isTrue();
        assertThat(OpenAiFields.toolCallArguments(parse("{}"), json).isObject()).isTrue();
        assertThatThrownBy(() -> OpenAiFields.toolCallArguments(parse("{\"arguments\":\"{nope\"}"), json))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.rejection().message()).isEqualTo("A tool call's arguments are not valid JSON."));
    }
}
