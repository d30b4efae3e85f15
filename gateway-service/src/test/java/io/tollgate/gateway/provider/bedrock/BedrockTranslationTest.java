package io.tollgate.gateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Golden wire tests: OpenAI requests to Converse requests, Converse answers and ConverseStream frames back. */
class BedrockTranslationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long CREATED = 1_764_800_000L;

    @Test
    void a_chat_request_with_system_image_sampling_and_a_required_tool_becomes_a_converse_request() {
        byte[] body = BedrockRequestTranslator.translate(BedrockFixtures.bytes("golden/openai-request-tools-image.json"),
                OptionalInt.of(512)).body();

        assertThat(tree(body)).isEqualTo(tree(BedrockFixtures.bytes("golden/converse-request-tools-image.json")));
    }

    @Test
    void parallel_tool_calls_and_their_results_become_one_assistant_turn_and_one_user_turn() {
        byte[] body = BedrockRequestTranslator.translate(BedrockFixtures.bytes("golden/openai-request-tool-results.json"),
                OptionalInt.empty()).body();

        assertThat(tree(body)).isEqualTo(tree(BedrockFixtures.bytes("golden/converse-request-tool-results.json")));
    }

    @Test
    void tool_choice_maps_to_auto_any_or_a_named_tool_and_none_leaves_the_tools_out() {
        String tools = "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"top_song\"}}]";

        assertThat(toolConfig(tools + ",\"tool_choice\":\"auto\"").path("toolChoice").has("auto")).isTrue();
        assertThat(toolConfig(tools + ",\"tool_choice\":{\"type\":\"function\",\"function\":{\"name\":\"top_song\"}}")
                .path("toolChoice").path("tool").path("name").asString()).isEqualTo("top_song");
        assertThat(toolConfig(tools + ",\"tool_choice\":\"none\"").isMissingNode()).isTrue();
        assertThat(toolConfig(tools).has("toolChoice")).isFalse();
        assertThat(toolConfig(tools).path("tools").path(0).path("toolSpec").path("inputSchema").path("json")
                .path("type").asString()).isEqualTo("object");
    }

    @Test
    void json_mode_is_a_forced_tool_with_the_requested_schema_whose_input_is_the_content() {
        var translated = BedrockRequestTranslator.translate(utf8("""
                {"model":"m","messages":[{"role":"user","content":"Top song on WZPZ?"}],"response_format":
                 {"type":"json_schema","json_schema":{"name":"song","schema":{"type":"object","properties":
                 {"station":{"type":"string"},"song":{"type":"string"}}}}}}"""), OptionalInt.empty());
        JsonNode tools = tree(translated.body()).path("toolConfig");
        var answer = BedrockResponseTranslator.translate(BedrockFixtures.bytes("converse-json-mode.json"), true, "c",
                CREATED, "m");
        JsonNode choice = tree(answer.body()).path("choices").path(0);

        assertThat(translated.jsonMode()).isTrue();
        assertThat(tools.path("toolChoice").path("tool").path("name").asString()).isEqualTo("json_response");
        assertThat(tools.path("tools").path(0).path("toolSpec").path("inputSchema").path("json").path("properties")
                .has("song")).isTrue();
        assertThat(tree(utf8(choice.path("message").path("content").asString()))).isEqualTo(tree(utf8(
                "{\"station\":\"WZPZ\",\"song\":\"Elemental Hotel\",\"artist\":\"8 Storey Hike\"}")));
        assertThat(choice.path("message").has("tool_calls")).isFalse();
        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
    }

    @Test
    void in_json_mode_a_streamed_forced_tool_input_is_content() {
        var translator = new BedrockStreamTranslator("chatcmpl-s", CREATED, "m", false, true);

        List<String> out = translate(translator, BedrockFixtures.frames("stream-json-mode.events"));

        assertThat(content(out)).isEqualTo("{\"station\": \"WZPZ\", \"song\": \"Elemental Hotel\"}");
        assertThat(out).noneMatch(e -> e.contains("tool_calls"));
        assertThat(out).filteredOn(e -> e.contains("\"finish_reason\":\"stop\"")).hasSize(1);
    }

    @Test
    void what_converse_cannot_carry_is_refused_with_a_400() {
        List<String> refused = List.of(
                "{\"model\":\"m\",\"n\":2,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}]}",
                "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"input_audio\",\"input_audio\":{\"data\":\"AA==\"}}]}]}");

        for (String body : refused) {
            assertThatThrownBy(() -> BedrockRequestTranslator.translate(utf8(body), OptionalInt.empty()))
                    .isInstanceOfSatisfying(RejectedException.class, e -> {
                        assertThat(e.rejection().status()).isEqualTo(400);
                        assertThat(e.rejection().code()).isEqualTo("unsupported_for_provider");
                    });
        }
    }

    @Test
    void a_converse_answer_becomes_a_chat_completion_with_cache_reads_inside_the_prompt_tokens() {
        var translated = BedrockResponseTranslator.translate(BedrockFixtures.bytes("converse-response.json"), false,
                "chatcmpl-1", CREATED, "anthropic.claude-3-haiku-20240307-v1:0");
        JsonNode completion = tree(translated.body());

        assertThat(completion.path("id").asString()).isEqualTo("chatcmpl-1");
        assertThat(completion.path("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.path("choices").path(0).path("message").path("content").asString())
                .isEqualTo("The top song on WZPZ is Elemental Hotel by 8 Storey Hike.");
        assertThat(completion.path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
        // inputTokens leaves the 1110 cache reads out; OpenAI's prompt tokens hold them
        assertThat(translated.usage()).isEqualTo(new TokenUsage(1120, 200, 1110, 0, 0));
        assertThat(completion.path("usage").path("prompt_tokens").asLong()).isEqualTo(1120);
        assertThat(completion.path("usage").path("total_tokens").asLong()).isEqualTo(1320);
        assertThat(completion.path("usage").path("prompt_tokens_details").path("cached_tokens").asLong()).isEqualTo(1110);
    }

    @Test
    void cache_writes_are_prompt_tokens_of_their_own_class() {
        var translated = BedrockResponseTranslator.translate(BedrockFixtures.bytes("converse-cache-write.json"), false,
                "chatcmpl-1", CREATED, "m");

        assertThat(translated.usage()).isEqualTo(new TokenUsage(1926, 40, 0, 0, 1914));
        assertThat(tree(translated.body()).path("choices").path(0).path("finish_reason").asString()).isEqualTo("length");
    }

    @Test
    void tool_use_blocks_become_parallel_tool_calls() {
        var translated = BedrockResponseTranslator.translate(BedrockFixtures.bytes("converse-tool-use.json"), false,
                "chatcmpl-1", CREATED, "m");
        JsonNode choice = tree(translated.body()).path("choices").path(0);

        assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
        assertThat(choice.path("message").path("content").asString()).isEqualTo("I'll look up the top songs on both stations.");
        JsonNode calls = choice.path("message").path("tool_calls");
        assertThat(calls).hasSize(2);
        assertThat(calls.path(0).path("id").asString()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
        assertThat(calls.path(0).path("type").asString()).isEqualTo("function");
        assertThat(calls.path(0).path("function").path("name").asString()).isEqualTo("top_song");
        assertThat(calls.path(0).path("function").path("arguments").asString()).isEqualTo("{\"sign\":\"WZPZ\"}");
        assertThat(calls.path(1).path("function").path("arguments").asString()).isEqualTo("{\"sign\":\"WKRP\"}");
        assertThat(translated.usage()).isEqualTo(TokenUsage.of(375, 96));
    }

    @Test
    void stop_reasons_become_finish_reasons() {
        assertThat(tree(BedrockResponseTranslator.translate(BedrockFixtures.bytes("converse-guardrail.json"), false, "c",
                CREATED, "m").body()).path("choices").path(0).path("finish_reason").asString()).isEqualTo("content_filter");
        assertThat(BedrockFinishReasons.of("stop_sequence", false)).isEqualTo("stop");
        assertThat(BedrockFinishReasons.of("content_filtered", false)).isEqualTo("content_filter");
        assertThat(BedrockFinishReasons.of("model_context_window_exceeded", false)).isEqualTo("length");
        assertThat(BedrockFinishReasons.of("tool_use", false)).isEqualTo("stop");
    }

    @Test
    void an_answer_without_usage_reports_none_and_one_that_is_no_converse_answer_is_invalid() {
        var translated = BedrockResponseTranslator.translate(utf8("""
                {"output":{"message":{"role":"assistant","content":[{"text":"Hi"}]}},"stopReason":"end_turn"}"""),
                false, "c", CREATED, "m");

        assertThat(translated.usage()).isNull();
        assertThat(translated.generatedText()).isEqualTo("Hi");
        assertThatThrownBy(() -> BedrockResponseTranslator.translate(utf8("{\"message\":\"x\"}"), false, "c", CREATED, "m"))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("upstream_invalid_response"));
    }

    @Test
    void a_recorded_text_stream_becomes_openai_chunks_ending_with_the_usage_chunk_and_done() {
        var translator = new BedrockStreamTranslator("chatcmpl-s", CREATED, "m", true, false);

        List<String> out = translate(translator, BedrockFixtures.frames("stream-text.events"));

        assertThat(out.getFirst()).contains("\"role\":\"assistant\"");
        assertThat(content(out)).isEqualTo("The top song on WZPZ is Elemental Hotel.");
        assertThat(out).filteredOn(e -> e.contains("\"finish_reason\":\"stop\"")).hasSize(1);
        assertThat(out.get(out.size() - 2)).contains("\"choices\":[]", "\"prompt_tokens\":1049",
                "\"completion_tokens\":12", "\"cached_tokens\":1024");
        assertThat(out.getLast()).isEqualTo("data: [DONE]\n\n");
        assertThat(translator.reported()).contains(new TokenUsage(1049, 12, 1024, 0, 0));
        assertThat(out).allMatch(e -> e.startsWith("data: ") && e.endsWith("\n\n"));
    }

    @Test
    void frames_split_anywhere_by_the_network_decode_the_same_and_no_usage_chunk_is_sent_unasked() {
        byte[] whole = BedrockFixtures.stream("stream-text.events");
        var translator = new BedrockStreamTranslator("chatcmpl-s", CREATED, "m", false, false);
        List<String> out = new ArrayList<>();
        for (int at = 0; at < whole.length; at += 7) {
            translator.accept(Arrays.copyOfRange(whole, at, Math.min(whole.length, at + 7)))
                    .forEach(event -> out.add(new String(event, StandardCharsets.UTF_8)));
        }
        translator.end().forEach(event -> out.add(new String(event, StandardCharsets.UTF_8)));

        assertThat(content(out)).isEqualTo("The top song on WZPZ is Elemental Hotel.");
        assertThat(out).noneMatch(e -> e.contains("\"usage\":{"));
        assertThat(out.getLast()).isEqualTo("data: [DONE]\n\n");
        assertThat(translator.reported()).isPresent();
    }

    @Test
    void a_recorded_tool_use_stream_becomes_tool_call_deltas_with_their_input_fragments() {
        var translator = new BedrockStreamTranslator("chatcmpl-s", CREATED, "m", false, false);

        List<String> out = translate(translator, BedrockFixtures.frames("stream-tool-use.events"));

        List<JsonNode> calls = out.stream().filter(e -> e.contains("tool_calls")).map(BedrockTranslationTest::data)
                .map(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls").path(0)).toList();
        assertThat(calls.getFirst().path("id").asString()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
        assertThat(calls.getFirst().path("function").path("name").asString()).isEqualTo("top_song");
        assertThat(calls.stream().filter(c -> c.path("index").asInt() == 0)
                .map(c -> c.path("function").path("arguments").asString("")).collect(Collectors.joining()))
                .isEqualTo("{\"sign\": \"WZPZ\"}");
        assertThat(calls.stream().filter(c -> c.path("index").asInt() == 1)
                .map(c -> c.path("function").path("arguments").asString("")).collect(Collectors.joining()))
                .isEqualTo("{\"sign\": \"WKRP\"}");
        assertThat(out).filteredOn(e -> e.contains("\"finish_reason\":\"tool_calls\"")).hasSize(1);
        assertThat(translator.reported()).contains(TokenUsage.of(375, 96));
    }

    @Test
    void an_exception_event_fails_the_stream_with_the_matching_rejection_and_leaves_usage_unreported() {
        var translator = new BedrockStreamTranslator("chatcmpl-s", CREATED, "m", true, false);
        translator.accept(BedrockFixtures.frames("stream-text.events").get(1));

        assertThatThrownBy(() -> translator.accept(BedrockFixtures.exception("throttlingException",
                "Too many requests, please wait before trying again.")))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection().status()).isEqualTo(429);
                    assertThat(e.rejection().code()).isEqualTo("upstream_rate_limited");
                });
        assertThat(translator.reported()).isEmpty();
        assertThat(translator.generatedText()).isEqualTo("The top song");
    }

    @Test
    void a_corrupt_frame_is_an_invalid_response() {
        byte[] frame = BedrockFixtures.frames("stream-text.events").getFirst();
        frame[frame.length - 1] ^= 0x55; // the message checksum no longer holds
        var translator = new BedrockStreamTranslator("chatcmpl-s", CREATED, "m", true, false);

        assertThatThrownBy(() -> translator.accept(frame)).isInstanceOfSatisfying(RejectedException.class,
                e -> assertThat(e.rejection().code()).isEqualTo("upstream_invalid_response"));
    }

    @Test
    void error_answers_keep_their_meaning_by_exception_name_and_status() {
        assertThat(failure(429, "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/",
                "error-throttling.json").status()).isEqualTo(429);
        var validation = failure(400, "ValidationException", "error-validation.json");
        assertThat(validation.status()).isEqualTo(400);
        assertThat(validation.message()).contains("messages.0.content: content must not be empty");
        var denied = failure(403, "AccessDeniedException", "error-access-denied.json");
        assertThat(denied.status()).isEqualTo(502);
        assertThat(denied.code()).isEqualTo("upstream_auth_failed");
        assertThat(denied.message()).contains("You don't have access to the model");
        var notReady = failure(429, "ModelNotReadyException", "error-model-not-ready.json");
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.code()).isEqualTo("upstream_unavailable");
        assertThat(failure(503, "ServiceUnavailableException", "error-throttling.json").status()).isEqualTo(503);
        assertThat(failure(408, "ModelTimeoutException", "error-throttling.json").status()).isEqualTo(504);
        assertThat(failure(424, "ModelErrorException", "error-throttling.json").status()).isEqualTo(502);
    }

    @Test
    void embeddings_become_one_titan_call_per_text_and_their_answers_one_openai_list_with_the_summed_tokens() {
        List<byte[]> requests = BedrockEmbeddings.requests(utf8(
                "{\"model\":\"m\",\"input\":[\"Hello\",\"World\"],\"dimensions\":256}"), "amazon.titan-embed-text-v2:0");
        var list = BedrockEmbeddings.list(List.of(BedrockFixtures.bytes("titan-embedding-response.json"),
                BedrockFixtures.bytes("titan-embedding-response.json")), "amazon.titan-embed-text-v2:0");
        JsonNode body = tree(list.body());

        assertThat(requests).extracting(BedrockTranslationTest::tree).containsExactly(
                tree(utf8("{\"inputText\":\"Hello\",\"dimensions\":256}")),
                tree(utf8("{\"inputText\":\"World\",\"dimensions\":256}")));
        assertThat(tree(BedrockEmbeddings.requests(utf8("{\"input\":\"Hi\"}"), "amazon.titan-embed-text-v1").getFirst()))
                .isEqualTo(tree(utf8("{\"inputText\":\"Hi\"}")));
        assertThat(list.promptTokens()).isEqualTo(14);
        assertThat(body.path("object").asString()).isEqualTo("list");
        assertThat(body.path("data")).hasSize(2);
        assertThat(body.path("data").path(1).path("index").asInt()).isEqualTo(1);
        assertThat((float) body.path("data").path(0).path("embedding").path(2).asDouble()).isEqualTo(0.0751953125f);
        assertThat(body.path("usage").path("prompt_tokens").asLong()).isEqualTo(14);
    }

    @Test
    void embeddings_from_other_model_families_or_of_token_arrays_are_refused_with_a_400() {
        for (Runnable call : List.<Runnable>of(
                () -> BedrockEmbeddings.requests(utf8("{\"input\":\"Hi\"}"), "cohere.embed-english-v3"),
                () -> BedrockEmbeddings.requests(utf8("{\"input\":[[1,2,3]]}"), "amazon.titan-embed-text-v2:0"))) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(RejectedException.class, e -> {
                assertThat(e.rejection().status()).isEqualTo(400);
                assertThat(e.rejection().code()).isEqualTo("unsupported_for_provider");
            });
        }
    }

    private static io.tollgate.gateway.error.Rejection failure(int status, String errorType, String fixture) {
        var headers = new DefaultHttpHeaders().set(BedrockErrors.ERROR_TYPE_HEADER, errorType);
        return BedrockErrors.failure(new UpstreamHttp.Answer(status, headers, BedrockFixtures.bytes(fixture)));
    }

    private static JsonNode toolConfig(String tools) {
        return tree(BedrockRequestTranslator.translate(utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Hi\"}]," + tools + "}"), OptionalInt.empty()).body()).path("toolConfig");
    }

    private static List<String> translate(BedrockStreamTranslator translator, List<byte[]> frames) {
        List<String> out = new ArrayList<>();
        frames.forEach(frame -> translator.accept(frame).forEach(e -> out.add(new String(e, StandardCharsets.UTF_8))));
        translator.end().forEach(e -> out.add(new String(e, StandardCharsets.UTF_8)));
        return out;
    }

    private static String content(List<String> events) {
        return events.stream().filter(e -> !e.contains("[DONE]")).map(BedrockTranslationTest::data)
                .flatMap(chunk -> chunk.path("choices").valueStream())
                .map(choice -> choice.path("delta").path("content").asString("")).collect(Collectors.joining());
    }

    private static JsonNode data(String event) {
        return tree(utf8(event.substring(event.indexOf("data:") + 5).strip()));
    }

    private static JsonNode tree(byte[] json) {
        return JSON.readTree(json);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
