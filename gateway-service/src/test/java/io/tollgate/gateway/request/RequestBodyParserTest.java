package io.tollgate.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.pipeline.RequestFacts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBodyParserTest {

    @Test
    void reads_only_the_fields_the_gateway_needs() {
        var result = parse(Endpoint.CHAT, """
                {"messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}],"tools":[{"a":{"b":[1,2]}}],
                 "model":"gpt-4o-mini","stream":true,"max_tokens":128,"stream_options":{"include_usage":true}}""");

        assertThat(result.rejection()).isNull();
        assertThat(result.facts()).isEqualTo(new RequestFacts("gpt-4o-mini", true, java.util.OptionalInt.of(128), true,
                new PromptText(List.of("hi"), 1)));
    }

    @Test
    void reads_the_prompt_with_the_rest_and_an_empty_or_null_input_is_no_input() {
        var chat = parse(Endpoint.CHAT, """
                {"model":"m","messages":[{"role":"system","content":"Be brief."},{"role":"user","name":"x","content":"Hi"}]}""");
        assertThat(chat.facts().prompt()).isEqualTo(new PromptText(List.of("Be brief.", "Hi"), 2));
        assertThat(parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":[\"a\",\"b\"]}").facts().prompt().parts())
                .containsExactly("a", "b");
        assertThat(parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":[[1,2,3]]}").facts().prompt().parts()).isEmpty();

        assertThat(parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":[]}").rejection().param()).isEqualTo("input");
        assertThat(parse(Endpoint.CHAT, "{\"model\":\"m\",\"messages\":null}").rejection().param()).isEqualTo("messages");
        assertThat(parse(Endpoint.COMPLETIONS, "{\"model\":\"m\",\"prompt\":\"once\"}").facts().prompt().parts())
                .containsExactly("once");
    }

    @Test
    void names_the_missing_or_mistyped_field() {
        assertThat(parse(Endpoint.CHAT, "{\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}").rejection().param()).isEqualTo("model");
        assertThat(parse(Endpoint.CHAT, "{\"model\":\"m\",\"messages\":[]}").rejection().param()).isEqualTo("messages");
        assertThat(parse(Endpoint.COMPLETIONS, "{\"model\":\"m\"}").rejection().param()).isEqualTo("prompt");
        assertThat(parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":null}").rejection().param()).isEqualTo("input");
        assertThat(parse(Endpoint.CHAT, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],\"max_tokens\":\"9\"}").rejection().code())
                .isEqualTo("invalid_type");
        assertThat(parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":\"x\",\"stream\":true}").rejection().param())
                .isEqualTo("stream");
    }

    @Test
    void refuses_what_is_not_one_json_object() {
        assertThat(parse(Endpoint.CHAT, "[1]").rejection().code()).isEqualTo("invalid_json");
        assertThat(parse(Endpoint.CHAT, "{\"model\":").rejection().code()).isEqualTo("invalid_json");
        assertThat(parse(Endpoint.CHAT, "{\"model\":").rejection().message())
                .isEqualTo("The request body is not valid JSON. We could not parse the JSON body of your request.");
        assertThat(parse(Endpoint.CHAT, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]} {}").rejection().code()).isEqualTo("invalid_json");
        assertThat(parse(Endpoint.CHAT, "").rejection().code()).isEqualTo("invalid_json");
    }

    @Test
    void refuses_a_body_that_is_not_utf_8_and_reads_one_that_is_in_any_script() {
        var body = new ByteArrayOutputStream();
        body.writeBytes("{\"model\":\"gpt".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF}); // '/' in an overlong form, read by Jackson as "gpt/4o"
        body.writeBytes("4o\"}".getBytes(StandardCharsets.US_ASCII));

        var refused = RequestBodyParser.parse(Endpoint.CHAT, body.toByteArray()).rejection();
        var read = parse(Endpoint.CHAT, "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Zoë 日本 😀\"}]}");

        assertThat(refused.code()).isEqualTo("invalid_json");
        assertThat(read.facts().prompt().parts()).containsExactly("Zoë 日本 😀");
    }

    private static RequestBodyParser.ParseResult parse(Endpoint endpoint, String body) {
        return RequestBodyParser.parse(endpoint, body.getBytes(StandardCharsets.UTF_8));
    }
}
