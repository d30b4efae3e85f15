package io.tollgate.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.model.common.TokenUsage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Golden wire tests: Anthropic's documented formats in and out, compared as JSON trees. */
class AnthropicTranslationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long CREATED = 1764800000L;

    @Test
    void a_chat_request_with_system_images_parallel_tool_calls_and_tool_results_becomes_a_messages_request() {
        var translated = AnthropicRequestTranslator.translate(fixture("golden/tools-and-images.openai.json"),
                "claude-sonnet-4-5", OptionalInt.of(1024), false);

        assertThat(tree(translated.body())).isEqualTo(tree(fixture("golden/tools-and-images.anthropic.json")));
        assertThat(translated.jsonMode()).isFalse();
    }

    @Test
    void json_mode_is_a_forced_tool_without_thinking_and_max_tokens_falls_back_to_the_models_maximum_output() {
        var translated = AnthropicRequestTranslator.translate(fixture("golden/json-mode.openai.json"),
                "claude-sonnet-4-5", OptionalInt.of(64000), true);

        assertThat(tree(translated.body())).isEqualTo(tree(fixture("golden/json-mode.anthropic.json")));
        assertThat(translated.jsonMode()).isTrue();
    }

    @Test
    void reasoning_effort_is_a_thinking_budget_that_leaves_out_sampling_parameters_thinking_forbids() {
        var translated = AnthropicRequestTranslator.translate(fixture("golden/thinking.openai.json"),
                "claude-sonnet-4-5", OptionalInt.of(20000), false);

        assertThat(tree(translated.body())).isEqualTo(tree(fixture("golden/thinking.anthropic.json")));
    }

    @Test
    void max_tokens_has_a_default_and_a_thinking_budget_that_does_not_fit_below_it_is_dropped() {
        byte[] body = """
                {"model":"m","reasoning_effort":"medium","messages":[{"role":"user","content":"Hi"}]}""".getBytes(StandardCharsets.UTF_8);

        JsonNode unknownCap = tree(AnthropicRequestTranslator.translate(body, "claude", OptionalInt.empty(), false).body());
        JsonNode smallCap = tree(AnthropicRequestTranslator.translate(body, "claude", OptionalInt.of(1024), false).body());

        assertThat(unknownCap.path("max_tokens").asInt()).isEqualTo(AnthropicRequestTranslator.DEFAULT_MAX_TOKENS);
        assertThat(unknownCap.path("thinking").path("budget_tokens").asInt()).isEqualTo(4096 - 1);
        assertThat(smallCap.has("thinking")).isFalse();
    }

    @Test
    void content_the_provider_cannot_carry_is_refused_with_a_400() {
        byte[] audio = """
                {"model":"m","messages":[{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"AA==","format":"wav"}}]}]}"""
                .getBytes(StandardCharsets.UTF_8);
        byte[] manyChoices = "{\"model\":\"m\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"
                .getBytes(StandardCharsets.UTF_8);

        for (byte[] body : List.of(audio, manyChoices)) {
            assertThatThrownBy(() -> AnthropicRequestTranslator.translate(body, "claude", OptionalInt.empty(), false))
                    .isInstanceOfSatisfying(RejectedException.class,
                            e -> assertThat(e.rejection().status()).isEqualTo(400));
        }
    }

    @Test
    void a_tool_use_response_becomes_parallel_tool_calls() {
        var translated = AnthropicResponseTranslator.translate(fixture("message-tool-use.json"), false, CREATED);

        assertThat(tree(translated.body())).isEqualTo(tree(fixture("golden/message-tool-use.openai.json")));
        assertThat(translated.usage()).isEqualTo(TokenUsage.of(472, 121));
    }

    @Test
    void cache_reads_and_writes_are_prompt_tokens_kept_as_classes_of_their_own() {
        var written = AnthropicResponseTranslator.translate(fixture("message.json"), false, CREATED);
        var read = AnthropicResponseTranslator.translate(fixture("message-cache-read.json"), false, CREATED);

        assertThat(written.usage()).isEqualTo(new TokenUsage(21 + 188086, 393, 0, 0, 188086));
        assertThat(read.usage()).isEqualTo(new TokenUsage(21 + 188086, 393, 188086, 0, 0));
        JsonNode body = tree(read.body());
        assertThat(body.path("usage").path("prompt_tokens").asInt()).isEqualTo(188107);
        assertThat(body.path("usage").path("prompt_tokens_details").path("cached_tokens").asInt()).isEqualTo(188086);
        assertThat(tree(written.body()).path("choices").path(0).path("message").path("content").asString())
                .isEqualTo("Hi! My name is Claude.");
    }

    @Test
    void a_response_without_usage_reports_none_rather_than_zero() {
        byte[] body = ("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\","
                + "\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}],\"stop_reason\":\"end_turn\"}").getBytes(StandardCharsets.UTF_8);

        var translated = AnthropicResponseTranslator.translate(body, false, CREATED);

        assertThat(translated.usage()).isNull();
        assertThat(translated.generatedText()).isEqualTo("Hi");
        assertThat(tree(translated.body()).path("usage").isNull()).isTrue();
    }

    @Test
    void stop_reasons_become_finish_reasons() {
        assertThat(finishReason("message.json")).isEqualTo("stop");
        assertThat(finishReason("message-cache-read.json")).isEqualTo("length");
        assertThat(finishReason("message-tool-use.json")).isEqualTo("tool_calls");
        assertThat(finishReason("message-refusal.json")).isEqualTo("content_filter");
        assertThat(AnthropicResponseTranslator.finishReason("stop_sequence", false)).isEqualTo("stop");
    }

    @Test
    void in_json_mode_the_forced_tools_input_is_the_content() {
        JsonNode body = tree(AnthropicResponseTranslator.translate(fixture("message-json-mode.json"), true, CREATED).body());

        JsonNode message = body.path("choices").path(0).path("message");
        assertThat(tree(message.path("content").asString().getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(tree("{\"name\":\"Ada Lovelace\",\"born\":1815}".getBytes(StandardCharsets.UTF_8)));
        assertThat(message.has("tool_calls")).isFalse();
        assertThat(body.path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
    }

    @Test
    void an_answer_that_is_no_messages_response_is_an_invalid_response() {
        assertThatThrownBy(() -> AnthropicResponseTranslator.translate(
                "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8), false, CREATED))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo(UpstreamErrors.INVALID_RESPONSE));
    }

    @Test
    void a_recorded_tool_use_stream_becomes_openai_chunks_with_the_usage_chunk_the_client_asked_for() {
        var translator = new AnthropicStreamTranslator(true, false, CREATED, "claude-sonnet-4-5");

        List<String> out = translate(translator, fixture("stream-tool-use.sse"));

        List<String> expected = events(fixture("golden/stream-tool-use.openai.sse"));
        assertThat(out).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(data(out.get(i))).as("event " + i).isEqualTo(data(expected.get(i)));
        }
        assertThat(translator.reported()).hasValue(TokenUsage.of(472, 89));
        assertThat(translator.generatedText()).startsWith("Okay, let's check").contains("America/Los_Angeles");
    }

    @Test
    void a_text_stream_hides_pings_and_counts_cache_reads_and_without_include_usage_sends_no_usage_chunk() {
        var translator = new AnthropicStreamTranslator(false, false, CREATED, "alias");

        List<String> out = translate(translator, fixture("stream-text.sse"));

        assertThat(out).last().isEqualTo("data: [DONE]\n\n");
        assertThat(out).noneMatch(event -> event.contains("\"usage\":{"));
        assertThat(out.stream().filter(e -> e.contains("\"content\":\"")).map(e -> tree(data(e)).path("choices").path(0)
                .path("delta").path("content").asString()).toList()).containsExactly("", "Hello", "!");
        assertThat(tree(data(out.get(out.size() - 2))).path("choices").path(0).path("finish_reason").asString())
                .isEqualTo("stop");
        assertThat(translator.reported()).hasValue(new TokenUsage(25 + 2048, 15, 2048, 0));
    }

    @Test
    void thinking_deltas_are_reasoning_content_and_signatures_are_dropped() {
        var translator = new AnthropicStreamTranslator(false, false, CREATED, "alias");

        List<String> out = translate(translator, fixture("stream-thinking.sse"));

        String reasoning = out.stream().map(e -> tree(data(e)))
                .map(chunk -> chunk.path("choices").path(0).path("delta").path("reasoning_content"))
                .filter(JsonNode::isString).map(JsonNode::asString).reduce("", String::concat);
        assertThat(reasoning).startsWith("I need to find the GCD").endsWith("= 21");
        assertThat(out).noneMatch(event -> event.contains("signature"));
        assertThat(translator.reported()).hasValue(TokenUsage.of(36, 178));
    }

    @Test
    void in_json_mode_a_streamed_forced_tool_input_is_content() {
        var translator = new AnthropicStreamTranslator(false, true, CREATED, "alias");
        String stream = """
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"usage":{"input_tokens":10,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"json_response","input":{}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"name\\": \\"Ada\\"}"}}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":9}}

                event: message_stop
                data: {"type":"message_stop"}

                """;

        List<String> out = translate(translator, stream.getBytes(StandardCharsets.UTF_8));

        assertThat(out).noneMatch(event -> event.contains("tool_calls"));
        assertThat(out).anyMatch(event -> event.contains("\"content\":\"{\\\"name\\\": \\\"Ada\\\"}\""));
        assertThat(out).anyMatch(event -> event.contains("\"finish_reason\":\"stop\""));
    }

    @Test
    void an_event_is_read_whatever_the_order_of_its_fields_and_data_that_is_no_event_is_an_invalid_response() {
        var translator = new AnthropicStreamTranslator(false, false, CREATED, "alias");
        String delta = "event: content_block_delta\ndata: {\"delta\":{\"text\":\"caf\u00e9 \\\"\\ud83d\\ude00\\\"\","
                + "\"extra\":{\"nested\":[1,{\"text\":\"no\"}]},\"type\":\"text_delta\"},\"index\":0,"
                + "\"type\":\"content_block_delta\"}\n\n";

        List<byte[]> out = translator.accept(delta.getBytes(StandardCharsets.UTF_8));

        assertThat(out).singleElement().satisfies(chunk -> assertThat(tree(data(new String(chunk, StandardCharsets.UTF_8)))
                .path("choices").path(0).path("delta").path("content").asString()).isEqualTo("caf\u00e9 \"\ud83d\ude00\""));
        assertThat(translator.accept(": comment\n\n".getBytes(StandardCharsets.UTF_8))).isEmpty();
        for (String event : List.of("data: [DONE]\n\n", "data: {\"index\":0}\n\n", "data: {\"type\":\n\n")) {
            assertThatThrownBy(() -> translator.accept(event.getBytes(StandardCharsets.UTF_8))).as(event)
                    .isInstanceOfSatisfying(RejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo(UpstreamErrors.INVALID_RESPONSE));
        }
    }

    @Test
    void an_error_event_fails_the_stream_with_the_matching_rejection_and_leaves_usage_unreported() {
        var translator = new AnthropicStreamTranslator(true, false, CREATED, "alias");
        List<String> events = events(fixture("stream-error.sse"));

        for (int i = 0; i < events.size() - 1; i++) {
            translator.accept(events.get(i).getBytes(StandardCharsets.UTF_8));
        }

        assertThatThrownBy(() -> translator.accept(events.getLast().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection().status()).isEqualTo(503);
                    assertThat(e.rejection().code()).isEqualTo("upstream_unavailable");
                });
        assertThat(translator.reported()).isEmpty();
        assertThat(translator.generatedText()).isEqualTo("Hello");
    }

    @Test
    void error_bodies_give_the_providers_message_and_status() {
        assertThat(AnthropicErrors.message(fixture("error-invalid-request.json"))).hasValueSatisfying(
                message -> assertThat(message).startsWith("max_tokens: 100000 > 64000"));
        assertThat(AnthropicErrors.status("overloaded_error")).isEqualTo(529);
        assertThat(AnthropicErrors.status("rate_limit_error")).isEqualTo(429);
        assertThat(AnthropicErrors.message("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    private static String finishReason(String fixture) {
        return tree(AnthropicResponseTranslator.translate(fixture(fixture), false, CREATED).body())
                .path("choices").path(0).path("finish_reason").asString();
    }

    private static List<String> translate(AnthropicStreamTranslator translator, byte[] stream) {
        List<String> out = new ArrayList<>();
        for (String event : events(stream)) {
            translator.accept(event.getBytes(StandardCharsets.UTF_8))
                    .forEach(bytes -> out.add(new String(bytes, StandardCharsets.UTF_8)));
        }
        return out;
    }

    private static List<String> events(byte[] stream) {
        return Arrays.stream(new String(stream, StandardCharsets.UTF_8).split("(?<=\n\n)"))
                .filter(event -> !event.isBlank()).toList();
    }

    private static byte[] data(String event) {
        String payload = event.substring(event.indexOf("data:") + 5).strip();
        return payload.equals("[DONE]") ? "\"[DONE]\"".getBytes(StandardCharsets.UTF_8)
                : payload.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode tree(byte[] json) {
        return JSON.readTree(json);
    }

    static byte[] fixture(String name) {
        try (InputStream in = AnthropicTranslationTest.class.getResourceAsStream("/fixtures/anthropic/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
