package io.tollgate.gateway.inbound.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tollgate.gateway.error.ErrorShape;
import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.model.common.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbound Anthropic translation, without Spring: Anthropic's documented request examples (tool use, a tool result
 * turn, vision with a cached system prompt) to the canonical chat form, OpenAI's documented answers and stream back
 * to an Anthropic message and Anthropic's events, and the refusals in Anthropic's error shape.
 */
class MessagesTranslationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void documented_tool_use_request_becomes_a_chat_request_with_a_function_tool() {
        assertThat(canonical("request-tool-use.json")).isEqualTo(json(fixture("inbound/request-tool-use.canonical.json")));
    }

    @Test
    void a_tool_result_turn_becomes_tool_calls_and_a_tool_message_and_any_tool_choice_required() {
        assertThat(canonical("request-tool-result.json"))
                .isEqualTo(json(fixture("inbound/request-tool-result.canonical.json")));
    }

    @Test
    void system_blocks_images_stop_sequences_metadata_and_stream_take_their_openai_names() {
        var translated = MessagesRequestTranslator.translate(bytes("inbound/request-vision.json"), true);

        assertThat(json(translated.canonical())).isEqualTo(json(fixture("inbound/request-vision.canonical.json")));
        assertThat(translated.untranslatable()).isNull();
    }

    @Test
    void what_the_canonical_form_cannot_carry_is_named_but_does_not_refuse_the_request() {
        var document = MessagesRequestTranslator.translate(utf8("{\"model\":\"m\",\"max_tokens\":10,\"messages\":"
                + "[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{\"type\":\"url\",\"url\":"
                + "\"https://assets.anthropic.com/m/1cd9d098ac3e6467/original/Claude-3-Model-Card-October-Addendum.pdf\"}},"
                + "{\"type\":\"text\",\"text\":\"Summarize\"}]}]}"), true);
        var webSearch = MessagesRequestTranslator.translate(utf8("{\"model\":\"m\",\"max_tokens\":10,\"messages\":"
                + "[{\"role\":\"user\",\"content\":\"News?\"}],\"tools\":[{\"type\":\"web_search_20250305\","
                + "\"name\":\"web_search\",\"max_uses\":5}]}"), true);

        assertThat(document.untranslatable()).isEqualTo("content of type 'document'");
        assertThat(json(document.canonical()).path("messages").get(0).path("content"))
                .isEqualTo(json("[{\"type\":\"text\",\"text\":\"Summarize\"}]"));
        assertThat(webSearch.untranslatable()).isEqualTo("the server tool 'web_search_20250305'");
        var documentOnly = MessagesRequestTranslator.translate(utf8("{\"model\":\"m\",\"max_tokens\":10,\"messages\":"
                + "[{\"role\":\"user\",\"content\":[{\"type\":\"document\",\"source\":{\"type\":\"text\","
                + "\"media_type\":\"text/plain\",\"data\":\"The grass is green.\"}}]}]}"), true);
        assertThat(json(documentOnly.canonical()).path("messages"))
                .as("the turn stays a turn, so the canonical form is still a valid chat request")
                .isEqualTo(json("[{\"role\":\"user\",\"content\":\"\"}]"));
        assertThat(json(webSearch.canonical()).has("tools")).isFalse();
    }

    @Test
    void refuses_what_anthropics_reference_refuses_naming_the_field() {
        assertThat(refusal("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .isEqualTo(Rejection.invalidRequest("max_tokens", "missing_required_parameter", "max_tokens: Field required."));
        assertThat(refusal("{\"model\":\"m\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}").param())
                .isEqualTo("max_tokens");
        assertThat(refusal("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[]}").param()).isEqualTo("messages");
        assertThat(refusal("{\"model\":\"m\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"text\"}]}]}").param()).isEqualTo("messages.0.content.0.text");
        assertThat(refusal("{\"model\":\"m\",\"max_tokens\":5,\"temperature\":1.5,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Hi\"}]}").param()).isEqualTo("temperature");
        assertThat(refusal("{\"model\":\"m\",\"model\":\"n\",\"max_tokens\":5,\"messages\":[]}").code())
                .isEqualTo("duplicate_key");
        assertThat(refusal("[1]").code()).isEqualTo("invalid_json");
        // token counting takes no max_tokens
        assertThat(json(MessagesRequestTranslator.translate(utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Hi\"}]}"), false).canonical()).has("max_tokens")).isFalse();
    }

    @Test
    void an_openai_answer_becomes_an_anthropic_message_with_anthropics_usage_terms() {
        var usage = new TokenUsage(1200, 300, 1024, 128, 0);
        var reply = MessageReplyTranslator.translate(new ProviderReply(openAiFixture("chat-completion.json"), usage, ""));

        assertThat(json(reply.body())).isEqualTo(json("""
                {"id":"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG","type":"message","role":"assistant",
                 "model":"gpt-4o-2024-08-06",
                 "content":[{"type":"text","text":"The image shows a wooden boardwalk path running through a lush green field or meadow."}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":176,"output_tokens":300,"cache_read_input_tokens":1024,"cache_creation_input_tokens":0}}"""));
        assertThat(reply.usage()).isEqualTo(usage);
    }

    @Test
    void openai_tool_calls_become_tool_use_blocks_with_their_arguments_as_input() {
        var reply = MessageReplyTranslator.translate(new ProviderReply(openAiFixture("chat-completion-tool-call.json"),
                TokenUsage.of(82, 17), ""));

        var message = json(reply.body());
        assertThat(message.path("content")).isEqualTo(json("[{\"type\":\"tool_use\",\"id\":\"call_abc123\","
                + "\"name\":\"get_current_weather\",\"input\":{\"location\":\"Boston, MA\"}}]"));
        assertThat(message.path("stop_reason").asString()).isEqualTo("tool_use");
    }

    @Test
    void an_openai_stream_becomes_anthropics_event_sequence_with_the_usage_at_the_end() {
        var events = translate(openAiFixture("chat-stream.sse"), new TokenUsage(1200, 300, 1024, 128, 0));

        assertThat(events).isEqualTo(fixture("inbound/chat-stream.anthropic.sse"));
    }

    @Test
    void a_streamed_tool_call_becomes_a_tool_use_block_with_input_json_deltas() {
        var events = translate(openAiFixture("chat-stream-tool-call.sse"), TokenUsage.of(82, 17));

        assertThat(events).isEqualTo(fixture("inbound/chat-stream-tool-call.anthropic.sse"));
    }

    @Test
    void refusals_are_written_in_anthropics_shape_with_the_type_its_reference_gives_the_status() {
        var writer = new ErrorWriter();

        assertThat(json(writer.body(ErrorShape.ANTHROPIC, Rejection.unauthenticated("invalid_api_key",
                "Incorrect API key provided.")))).isEqualTo(json("{\"type\":\"error\",\"error\":{\"type\":"
                + "\"authentication_error\",\"message\":\"Incorrect API key provided.\"}}"));
        assertThat(type(writer, new Rejection(413, Rejection.INVALID_REQUEST, null, "request_too_large", "big")))
                .isEqualTo("request_too_large");
        assertThat(type(writer, new Rejection(429, "insufficient_quota", null, "insufficient_quota", "spent")))
                .isEqualTo("rate_limit_error");
        assertThat(type(writer, Rejection.unavailable("not_ready", "wait"))).isEqualTo("overloaded_error");
        assertThat(type(writer, Rejection.upstream(502, "upstream_error", "failed"))).isEqualTo("api_error");
        assertThat(type(writer, Rejection.forbidden("model", "model_not_subscribed", "no"))).isEqualTo("permission_error");
        assertThat(type(writer, Rejection.modelNotFound("x"))).isEqualTo("not_found_error");
        assertThat(new String(writer.event(ErrorShape.ANTHROPIC, Rejection.internal()), StandardCharsets.UTF_8))
                .startsWith("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"api_error\"").endsWith("}\n\n");
        assertThat(json(writer.body(Rejection.modelNotFound("x"))).path("error").path("code").asString())
                .isEqualTo("model_not_found");
    }

    private static String type(ErrorWriter writer, Rejection rejection) {
        return json(writer.body(ErrorShape.ANTHROPIC, rejection)).path("error").path("type").asString();
    }

    private static String translate(byte[] sse, TokenUsage usage) {
        var translator = new MessageStreamTranslator(reported(usage), "gpt-4o-mini");
        List<byte[]> out = new ArrayList<>();
        for (String event : new String(sse, StandardCharsets.UTF_8).split("(?<=\n\n)")) {
            out.addAll(translator.accept(event.getBytes(StandardCharsets.UTF_8)));
        }
        out.addAll(translator.finish());
        var text = new StringBuilder();
        out.forEach(event -> text.append(new String(event, StandardCharsets.UTF_8)));
        return text.toString();
    }

    private static ProviderStream.Usage reported(TokenUsage usage) {
        return new ProviderStream.Usage() {
            @Override
            public Optional<TokenUsage> reported() {
                return Optional.of(usage);
            }

            @Override
            public String generatedText() {
                return "";
            }
        };
    }

    private static JsonNode canonical(String fixture) {
        var translated = MessagesRequestTranslator.translate(bytes("inbound/" + fixture), true);
        assertThat(translated.untranslatable()).isNull();
        return json(translated.canonical());
    }

    private static Rejection refusal(String body) {
        return catchThrowableOfType(RejectedException.class,
                () -> MessagesRequestTranslator.translate(utf8(body), true)).rejection();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static JsonNode json(byte[] bytes) {
        return JSON.readTree(bytes);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String fixture(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        return resource("/fixtures/anthropic/" + name);
    }

    private static byte[] openAiFixture(String name) {
        return resource("/fixtures/openai/" + name);
    }

    private static byte[] resource(String path) {
        try (InputStream in = MessagesTranslationTest.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
