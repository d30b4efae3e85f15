package io.tollgate.gateway.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.pipeline.Endpoint;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each field the gateway reads or that changes a request's cost, against OpenAI's API reference, per endpoint. */
class RequestValidationTest {

    private static final String MESSAGES = "\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]";

    static Stream<Arguments> refusedChatBodies() {
        return Stream.of(
                // ranges
                Arguments.of("\"max_tokens\":-5", "max_tokens", "invalid_value"),
                Arguments.of("\"max_tokens\":0", "max_tokens", "invalid_value"),
                Arguments.of("\"max_tokens\":99999999999", "max_tokens", "invalid_value"),
                Arguments.of("\"max_completion_tokens\":0", "max_completion_tokens", "invalid_value"),
                Arguments.of("\"max_tokens\":1.5", "max_tokens", "invalid_type"),
                Arguments.of("\"n\":0", "n", "invalid_value"),
                Arguments.of("\"n\":129", "n", "invalid_value"),
                Arguments.of("\"n\":\"2\"", "n", "invalid_type"),
                Arguments.of("\"temperature\":2.01", "temperature", "invalid_value"),
                Arguments.of("\"temperature\":-0.1", "temperature", "invalid_value"),
                Arguments.of("\"top_p\":1.5", "top_p", "invalid_value"),
                Arguments.of("\"presence_penalty\":-2.5", "presence_penalty", "invalid_value"),
                Arguments.of("\"frequency_penalty\":3", "frequency_penalty", "invalid_value"),
                Arguments.of("\"logprobs\":1", "logprobs", "invalid_type"),
                Arguments.of("\"top_logprobs\":21", "top_logprobs", "invalid_value"),
                Arguments.of("\"top_logprobs\":-1", "top_logprobs", "invalid_value"),
                Arguments.of("\"stream\":\"yes\"", "stream", "invalid_type"),
                Arguments.of("\"stream_options\":{\"include_usage\":\"true\"}", "stream_options.include_usage", "invalid_type"),
                Arguments.of("\"stream_options\":[]", "stream_options", "invalid_type"),
                Arguments.of("\"stop\":[\"a\",\"b\",\"c\",\"d\",\"e\"]", "stop", "invalid_value"),
                Arguments.of("\"stop\":[]", "stop", "invalid_value"),
                Arguments.of("\"stop\":[1]", "stop[0]", "invalid_type"),
                Arguments.of("\"stop\":7", "stop", "invalid_type"),
                Arguments.of("\"user\":42", "user", "invalid_type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedChatBodies")
    void chat_fields_out_of_their_type_or_range_are_refused_naming_the_field(String field, String param, String code) {
        var rejection = parse(Endpoint.CHAT, "{\"model\":\"m\"," + MESSAGES + "," + field + "}").rejection();

        assertThat(rejection).isNotNull();
        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.type()).isEqualTo("invalid_request_error");
        assertThat(rejection.param()).isEqualTo(param);
        assertThat(rejection.code()).isEqualTo(code);
    }

    static Stream<Arguments> refusedMessages() {
        return Stream.of(
                Arguments.of("{}", "messages[0].role", "missing_required_parameter"),
                Arguments.of("\"hi\"", "messages[0]", "invalid_type"),
                Arguments.of("{\"role\":\"robot\",\"content\":\"x\"}", "messages[0].role", "invalid_value"),
                Arguments.of("{\"role\":7,\"content\":\"x\"}", "messages[0].role", "invalid_type"),
                Arguments.of("{\"role\":\"user\"}", "messages[0].content", "missing_required_parameter"),
                Arguments.of("{\"role\":\"user\",\"content\":null}", "messages[0].content", "missing_required_parameter"),
                Arguments.of("{\"role\":\"user\",\"content\":42}", "messages[0].content", "invalid_type"),
                Arguments.of("{\"role\":\"user\",\"content\":{\"text\":\"x\"}}", "messages[0].content", "invalid_type"),
                Arguments.of("{\"role\":\"user\",\"content\":[\"x\"]}", "messages[0].content[0]", "invalid_type"),
                Arguments.of("{\"role\":\"user\",\"content\":[{\"text\":\"x\"}]}", "messages[0].content[0].type",
                        "missing_required_parameter"),
                Arguments.of("{\"role\":\"user\",\"content\":[{\"type\":\"video\"}]}", "messages[0].content[0].type",
                        "invalid_value"),
                Arguments.of("{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}", "messages[0].content[0].text",
                        "missing_required_parameter"),
                Arguments.of("{\"role\":\"system\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"u\"}}]}",
                        "messages[0].content", "invalid_value"),
                Arguments.of("{\"role\":\"assistant\"}", "messages[0].content", "missing_required_parameter"),
                Arguments.of("{\"role\":\"tool\",\"content\":\"42\"}", "messages[0].tool_call_id", "missing_required_parameter"),
                Arguments.of("{\"role\":\"function\",\"content\":\"42\"}", "messages[0].name", "missing_required_parameter"),
                Arguments.of("{\"role\":\"function\",\"name\":\"f\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}",
                        "messages[0].content", "invalid_value"),
                Arguments.of("{\"role\":\"user\",\"name\":1,\"content\":\"x\"}", "messages[0].name", "invalid_type"),
                Arguments.of("{\"role\":\"assistant\",\"tool_calls\":{}}", "messages[0].tool_calls", "invalid_type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedMessages")
    void messages_need_a_known_role_and_content_of_the_kinds_it_accepts(String message, String param, String code) {
        var rejection = parse(Endpoint.CHAT, "{\"model\":\"m\",\"messages\":[" + message + "]}").rejection();

        assertThat(rejection).isNotNull();
        assertThat(rejection.param()).isEqualTo(param);
        assertThat(rejection.code()).isEqualTo(code);
    }

    @Test
    void the_model_is_a_string() {
        assertThat(parse(Endpoint.CHAT, "{\"model\":7," + MESSAGES + "}").rejection().param()).isEqualTo("model");
    }

    @Test
    void every_role_in_its_documented_shapes_is_accepted_and_its_text_counted() {
        var result = parse(Endpoint.CHAT, """
                {"model":"m","messages":[
                 {"role":"developer","content":"Be brief."},
                 {"role":"system","content":[{"type":"text","text":"Really."}],"name":"ops"},
                 {"role":"user","content":[{"type":"text","text":"Look"},{"type":"image_url","image_url":{"url":"https://x/y.png"}},
                   {"type":"input_audio","input_audio":{"data":"AA==","format":"wav"}},{"type":"file","file":{"file_id":"f1"}}]},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},
                 {"role":"tool","tool_call_id":"c1","content":"42"},
                 {"role":"assistant","content":[{"type":"refusal","refusal":"no"}]},
                 {"role":"function","name":"f","content":null}],
                 "n":128,"temperature":2,"top_p":0,"presence_penalty":-2,"frequency_penalty":2.0,"logprobs":true,
                 "top_logprobs":20,"stop":["a","b","c","d"],"max_completion_tokens":1,"user":"u","seed":1,
                 "stream":null,"stream_options":null}""");

        assertThat(result.rejection()).isNull();
        assertThat(result.facts().prompt().parts()).containsExactly("Be brief.", "Really.", "Look", "42");
        assertThat(result.facts().prompt().messages()).isEqualTo(7);
        assertThat(result.facts().choices()).isEqualTo(128);
        assertThat(result.facts().maxTokens()).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void the_larger_of_max_tokens_and_max_completion_tokens_bounds_the_completion() {
        var facts = parse(Endpoint.CHAT, "{\"model\":\"m\"," + MESSAGES + ",\"max_tokens\":10,\"max_completion_tokens\":900,"
                + "\"n\":3}").facts();

        assertThat(facts.maxTokens()).isEqualTo(OptionalInt.of(900));
        assertThat(facts.choices()).isEqualTo(3);
    }

    static Stream<Arguments> refusedCompletionBodies() {
        return Stream.of(
                Arguments.of("\"prompt\":\"x\",\"max_tokens\":-1", "max_tokens", "invalid_value"),
                Arguments.of("\"prompt\":\"x\",\"logprobs\":6", "logprobs", "invalid_value"),
                Arguments.of("\"prompt\":\"x\",\"logprobs\":true", "logprobs", "invalid_type"),
                Arguments.of("\"prompt\":\"x\",\"best_of\":21", "best_of", "invalid_value"),
                Arguments.of("\"prompt\":\"x\",\"best_of\":2,\"n\":3", "best_of", "invalid_value"),
                Arguments.of("\"prompt\":\"x\",\"echo\":\"no\"", "echo", "invalid_type"),
                Arguments.of("\"prompt\":\"x\",\"suffix\":1", "suffix", "invalid_type"),
                Arguments.of("\"prompt\":7", "prompt", "invalid_type"),
                Arguments.of("\"prompt\":[\"a\",1]", "prompt[1]", "invalid_type"),
                Arguments.of("\"prompt\":[[1,2],[]]", "prompt[1]", "invalid_value"),
                Arguments.of("\"prompt\":[[1,\"a\"]]", "prompt[0][1]", "invalid_type"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCompletionBodies")
    void legacy_completion_fields_follow_their_own_reference(String fields, String param, String code) {
        var rejection = parse(Endpoint.COMPLETIONS, "{\"model\":\"m\"," + fields + "}").rejection();

        assertThat(rejection).isNotNull();
        assertThat(rejection.param()).isEqualTo(param);
        assertThat(rejection.code()).isEqualTo(code);
    }

    @Test
    void completions_take_best_of_as_their_choices_and_token_ids_as_tokens() {
        var facts = parse(Endpoint.COMPLETIONS, "{\"model\":\"m\",\"prompt\":[[1,2,3],[4]],\"n\":2,\"best_of\":5,"
                + "\"max_tokens\":0,\"echo\":true,\"logprobs\":5}").facts();

        assertThat(facts.choices()).isEqualTo(5);
        assertThat(facts.prompt().tokenIds()).isEqualTo(4);
        assertThat(facts.maxTokens()).isEqualTo(OptionalInt.of(0));
    }

    static Stream<Arguments> refusedEmbeddingBodies() {
        return Stream.of(
                Arguments.of("\"input\":\"\"", "input", "invalid_value"),
                Arguments.of("\"input\":[\"a\",\"\"]", "input[1]", "invalid_value"),
                Arguments.of("\"input\":[]", "input", "invalid_value"),
                Arguments.of("\"input\":{}", "input", "invalid_type"),
                Arguments.of("\"input\":[true]", "input[0]", "invalid_type"),
                Arguments.of("\"input\":[" + "\"a\",".repeat(2048) + "\"a\"]", "input", "invalid_value"),
                Arguments.of("\"input\":\"x\",\"dimensions\":0", "dimensions", "invalid_value"),
                Arguments.of("\"input\":\"x\",\"dimensions\":\"8\"", "dimensions", "invalid_type"),
                Arguments.of("\"input\":\"x\",\"encoding_format\":\"int8\"", "encoding_format", "invalid_value"),
                Arguments.of("\"input\":\"x\",\"stream\":true", "stream", "unsupported_parameter"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedEmbeddingBodies")
    void embedding_fields_follow_their_reference(String fields, String param, String code) {
        var rejection = parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\"," + fields + "}").rejection();

        assertThat(rejection).isNotNull();
        assertThat(rejection.param()).isEqualTo(param);
        assertThat(rejection.code()).isEqualTo(code);
    }

    @Test
    void embeddings_accept_each_documented_input_shape() {
        assertThat(parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":\"x\",\"dimensions\":256,"
                + "\"encoding_format\":\"base64\",\"user\":\"u\"}").rejection()).isNull();
        assertThat(parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":[\"a\",\"b\"]}").rejection()).isNull();
        assertThat(parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":[1,2,3]}").facts().prompt().tokenIds()).isEqualTo(3);
        assertThat(parse(Endpoint.EMBEDDINGS, "{\"model\":\"m\",\"input\":[[1],[2,3]]}").facts().prompt().tokenIds()).isEqualTo(3);
    }

    @Test
    void a_key_named_twice_anywhere_in_the_body_is_refused() {
        String twiceAtTop = "{\"model\":\"m\"," + MESSAGES + ",\"max_tokens\":5,\"max_tokens\":5000}";
        String twiceInAMessage = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"a\",\"content\":\"b\"}]}";
        String twiceDeepInside = "{\"model\":\"m\"," + MESSAGES + ",\"tools\":[{\"function\":{\"name\":\"a\",\"name\":\"b\"}}]}";

        for (String body : new String[] {twiceAtTop, twiceInAMessage, twiceDeepInside}) {
            var rejection = parse(Endpoint.CHAT, body).rejection();
            assertThat(rejection).as(body).isNotNull();
            assertThat(rejection.status()).isEqualTo(400);
            assertThat(rejection.code()).isEqualTo("duplicate_key");
        }
        assertThat(parse(Endpoint.CHAT, "{\"model\":\"m\"," + MESSAGES + ",\"a\":{\"x\":1},\"b\":{\"x\":1}}").rejection())
                .as("the same key in two objects is fine").isNull();
    }

    private static RequestBodyParser.ParseResult parse(Endpoint endpoint, String body) {
        return RequestBodyParser.parse(endpoint, body.getBytes(StandardCharsets.UTF_8));
    }
}
