package io.tollgate.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.provider.UpstreamHttp;
import io.tollgate.gateway.provider.gemini.schema.GenerateContentResponse;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Golden wire tests: Gemini's documented formats to and from the gateway's canonical (OpenAI) form. */
class GeminiTranslationTest {

    private static final ReplyStamp STAMP = new ReplyStamp("chatcmpl-golden", 1_733_270_400L, "gemini-2.5-flash");

    @Test
    void a_chat_request_with_system_image_tool_results_json_mode_and_sampling_becomes_generate_content() {
        byte[] translated = GeminiRequestTranslator.translate(GeminiFixtures.bytes("chat-request.json"));

        assertThat(GeminiJson.read(translated)).isEqualTo(GeminiJson.read(GeminiFixtures.bytes("generate-request.json")));
    }

    @Test
    void tool_choice_maps_to_function_calling_modes() {
        assertThat(toolConfig("\"none\"")).isEqualTo("{\"functionCallingConfig\":{\"mode\":\"NONE\"}}");
        assertThat(toolConfig("\"required\"")).isEqualTo("{\"functionCallingConfig\":{\"mode\":\"ANY\"}}");
        assertThat(toolConfig("{\"type\":\"function\",\"function\":{\"name\":\"get_current_weather\"}}"))
                .isEqualTo("{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"get_current_weather\"]}}");
    }

    @Test
    void json_object_mode_asks_for_json_without_a_schema_and_max_tokens_is_the_output_cap() {
        JsonNode request = GeminiJson.read(GeminiRequestTranslator.translate(bytes("""
                {"model":"m","messages":[{"role":"user","content":"List three colours"}],
                 "response_format":{"type":"json_object"},"max_tokens":50,"stop":"\\n\\n"}""")));

        assertThat(request.path("generationConfig").toString())
                .isEqualTo("{\"stopSequences\":[\"\\n\\n\"],\"responseMimeType\":\"application/json\",\"maxOutputTokens\":50}");
        assertThat(request.has("systemInstruction")).isFalse();
    }

    @Test
    void an_image_by_web_url_is_refused_clearly() {
        assertThatThrownBy(() -> GeminiRequestTranslator.translate(bytes("""
                {"model":"m","messages":[{"role":"user","content":[
                  {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}}]}]}""")))
                .isInstanceOfSatisfying(RejectedException.class, e -> {
                    assertThat(e.rejection().status()).isEqualTo(400);
                    assertThat(e.rejection().code()).isEqualTo("unsupported_image_url");
                    assertThat(e.rejection().message()).contains("base64 data URL");
                });
    }

    @Test
    void a_tool_result_without_its_call_is_refused() {
        assertThatThrownBy(() -> GeminiRequestTranslator.translate(bytes("""
                {"model":"m","messages":[{"role":"tool","tool_call_id":"call_x","content":"42"}]}""")))
                .isInstanceOfSatisfying(RejectedException.class,
                        e -> assertThat(e.rejection().code()).isEqualTo("unknown_tool_call"));
    }

    @Test
    void an_answer_becomes_a_chat_completion_with_thoughts_left_out_and_usage_by_class() {
        var translated = translate("generate-response.json");

        assertThat(GeminiJson.read(translated.body())).isEqualTo(GeminiJson.read(GeminiFixtures.bytes("openai-chat-completion.json")));
        // completion = candidates 172 + thoughts 128; cached 1024 of the 1200 prompt tokens
        assertThat(translated.usage()).hasValue(new TokenUsage(1200, 300, 1024, 128));
        assertThat(translated.text()).isEqualTo("AI learns patterns from data to make predictions.");
    }

    @Test
    void function_calls_become_parallel_tool_calls() {
        var translated = translate("generate-response-tool-call.json");

        assertThat(GeminiJson.read(translated.body()))
                .isEqualTo(GeminiJson.read(GeminiFixtures.bytes("openai-chat-completion-tool-call.json")));
        assertThat(translated.usage()).hasValue(TokenUsage.of(120, 30));
    }

    @Test
    void a_gemini_3_thought_signature_travels_in_the_tool_call_id_and_comes_back_on_its_function_call() {
        var translated = translate("generate-response-thought-signature.json");
        String id = GeminiJson.read(translated.body()).path("choices").get(0).path("message").path("tool_calls").get(0)
                .path("id").asString();

        JsonNode next = GeminiJson.read(GeminiRequestTranslator.translate(bytes("""
                {"model":"m","messages":[{"role":"user","content":"Check flight AA100"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"%s","type":"function",
                  "function":{"name":"check_flight","arguments":"{\\"flight\\":\\"AA100\\"}"}}]},
                 {"role":"tool","tool_call_id":"%s","content":"{\\"status\\":\\"delayed\\"}"}]}""".formatted(id, id))));

        assertThat(id).isEqualTo("call_golden_0_0__thought__CiQBVKhc7uKzXAzXgKRB4xJY8jGlvDyt/ZbTdAS2wn9VVy3Gp+0=");
        assertThat(next.path("contents").get(1).path("parts").get(0).toString()).isEqualTo(
                "{\"functionCall\":{\"name\":\"check_flight\",\"args\":{\"flight\":\"AA100\"}},"
                        + "\"thoughtSignature\":\"CiQBVKhc7uKzXAzXgKRB4xJY8jGlvDyt/ZbTdAS2wn9VVy3Gp+0=\"}");
        assertThat(next.path("contents").get(2).path("parts").get(0).path("functionResponse").path("name").asString())
                .isEqualTo("check_flight");
        assertThat(translated.usage()).hasValue(new TokenUsage(40, 50, 0, 38));
    }

    @Test
    void stop_reasons_map_to_openai_finish_reasons() {
        assertThat(finishReason("generate-response.json")).isEqualTo("stop");
        assertThat(finishReason("generate-response-tool-call.json")).isEqualTo("tool_calls");
        assertThat(finishReason("generate-response-max-tokens.json")).isEqualTo("length");
        assertThat(finishReason("generate-response-safety.json")).isEqualTo("content_filter");
    }

    @Test
    void a_blocked_prompt_is_one_empty_choice_finished_by_the_content_filter() {
        var translated = translate("generate-response-prompt-blocked.json");
        JsonNode choice = GeminiJson.read(translated.body()).path("choices").get(0);

        assertThat(choice.path("finish_reason").asString()).isEqualTo("content_filter");
        assertThat(choice.path("message").path("content").asString()).isEmpty();
        assertThat(translated.usage()).hasValue(TokenUsage.of(9, 0));
    }

    @Test
    void a_recorded_stream_becomes_openai_chunks_with_the_last_usage_and_done() {
        var translator = new GeminiStreamTranslator(STAMP, true);

        String chunks = stream(translator, "stream.sse");

        assertThat(chunks).isEqualTo(GeminiFixtures.text("openai-chat-stream.sse"));
        assertThat(translator.reported()).hasValue(new TokenUsage(1200, 300, 1024, 128));
        assertThat(translator.generatedText()).isEqualTo("Hello world");
    }

    @Test
    void a_stream_hides_the_usage_chunk_the_client_did_not_ask_for() {
        var translator = new GeminiStreamTranslator(STAMP, false);

        String chunks = stream(translator, "stream.sse");

        assertThat(chunks).doesNotContain("\"usage\"").endsWith("data: [DONE]\n\n");
        assertThat(translator.reported()).isPresent();
    }

    @Test
    void streamed_function_calls_become_tool_call_deltas() {
        String chunks = stream(new GeminiStreamTranslator(STAMP, false), "stream-tool-call.sse");

        assertThat(chunks).isEqualTo(GeminiFixtures.text("openai-chat-stream-tool-call.sse"));
    }

    @Test
    void a_stream_stopped_for_safety_finishes_with_content_filter() {
        String chunks = stream(new GeminiStreamTranslator(STAMP, false), "stream-safety.sse");

        assertThat(chunks).contains("\"finish_reason\":\"content_filter\"").contains("\"content\":\"I can\"");
    }

    @Test
    void each_streamed_candidate_keeps_its_own_text_without_thoughts_whatever_the_order_of_its_fields() {
        var translator = new GeminiStreamTranslator(STAMP, false);
        String event = """
                data: {"modelVersion": "gemini-2.5-flash", "candidates": [{"index": 1, "content": {"role": "model", \
                "parts": [{"thought": true, "text": "Planning."}, {"text": "B \\"one\\"\\n"}, {"text": "two \u00e9"}]}}, \
                {"content": {"parts": [{"text": "A", "thought": false}, {"text": "skipped", "thought": true}]}, \
                "safetyRatings": [{"category": "HARM_CATEGORY_HARASSMENT", "probability": "NEGLIGIBLE"}], \
                "finishReason": "MAX_TOKENS", "index": 0}], "usageMetadata": {"promptTokenCount": 3}}

                """;

        List<String> out = translator.accept(bytes(event)).stream()
                .map(chunk -> new String(chunk, StandardCharsets.UTF_8)).toList();

        String head = "data: {\"id\":\"chatcmpl-golden\",\"object\":\"chat.completion.chunk\",\"created\":1733270400,"
                + "\"model\":\"gemini-2.5-flash\",\"choices\":[";
        assertThat(out).containsExactly(
                head + "{\"index\":1,\"delta\":{\"role\":\"assistant\",\"content\":\"B \\\"one\\\"\\ntwo \u00e9\"},"
                        + "\"finish_reason\":null}]}\n\n",
                head + "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"A\"},\"finish_reason\":null}]}\n\n",
                head + "{\"index\":0,\"delta\":{},\"finish_reason\":\"length\"}]}\n\n");
        assertThat(translator.generatedText()).isEqualTo("B \"one\"\ntwo \u00e9A");
        assertThat(translator.reported()).hasValue(new TokenUsage(3, 0, 0, 0));
    }

    @Test
    void a_stream_event_that_is_no_json_object_is_an_invalid_response_and_a_comment_is_nothing() {
        var translator = new GeminiStreamTranslator(STAMP, true);

        assertThat(translator.accept(bytes(": keep-alive\n\n"))).isEmpty();
        for (String event : List.of("data: [1]\n\n", "data: {\"candidates\": [\n\n", "data:\n\n")) {
            assertThatThrownBy(() -> translator.accept(bytes(event))).as(event)
                    .isInstanceOfSatisfying(RejectedException.class,
                            e -> assertThat(e.rejection().code()).isEqualTo("upstream_invalid_response"));
        }
    }

    @Test
    void embeddings_go_out_as_one_batch_request_per_text_and_come_back_as_an_openai_list() {
        JsonNode request = GeminiJson.read(GeminiEmbeddings.batchRequest(bytes("""
                {"model":"e","input":["What is the meaning of life?","How much wood would a woodchuck chuck?"],
                 "dimensions":4}"""), "gemini-embedding-001"));
        var answer = GeminiEmbeddings.fromBatch(GeminiFixtures.bytes("batch-embed-response.json"), "gemini-embedding-001", 17);

        assertThat(request.toString()).isEqualTo("""
                {"requests":[{"model":"models/gemini-embedding-001","content":{"parts":[{"text":"What is the meaning of life?"}]},\
                "outputDimensionality":4},{"model":"models/gemini-embedding-001","content":{"parts":[{"text":\
                "How much wood would a woodchuck chuck?"}]},"outputDimensionality":4}]}""");
        JsonNode list = GeminiJson.read(answer.body());
        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data")).hasSize(2);
        assertThat(list.path("data").get(1).path("index").asInt()).isEqualTo(1);
        assertThat(list.path("data").get(0).path("embedding").get(0).asDouble()).isCloseTo(0.013168523, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(list.path("usage").path("prompt_tokens").asLong()).isEqualTo(17);
        assertThat(answer.promptTokens()).isEmpty();
    }

    @Test
    void vertex_embeddings_use_predict_and_report_its_token_counts() {
        JsonNode request = GeminiJson.read(GeminiEmbeddings.predictRequest(bytes("{\"model\":\"e\",\"input\":\"banana muffins\"}")));
        var answer = GeminiEmbeddings.fromPredict(GeminiFixtures.bytes("predict-response.json"), "text-embedding-005");

        assertThat(request.toString()).isEqualTo("{\"instances\":[{\"content\":\"banana muffins\"}]}");
        assertThat(answer.promptTokens()).hasValue(6);
        assertThat(GeminiJson.read(answer.body()).path("data").get(0).path("embedding")).hasSize(4);
    }

    @Test
    void errors_keep_their_meaning_and_google_s_words() {
        var invalid = GeminiAdapter.failure(answer(400, "error-400-invalid-argument.json"));
        var badKey = GeminiAdapter.failure(answer(400, "error-400-api-key-invalid.json"));
        var limited = GeminiAdapter.failure(answer(429, "error-429.json"));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.message()).contains("contents is not specified");
        assertThat(badKey.status()).isEqualTo(502);
        assertThat(badKey.code()).isEqualTo("upstream_auth_failed");
        assertThat(badKey.message()).contains("API key not valid");
        assertThat(limited.status()).isEqualTo(429);
    }

    private static GeminiResponseTranslator.Translated translate(String fixture) {
        return GeminiResponseTranslator.translate(
                GeminiJson.read(GeminiFixtures.bytes(fixture), GenerateContentResponse.class), STAMP);
    }

    private static String finishReason(String fixture) {
        return GeminiJson.read(translate(fixture).body()).path("choices").get(0).path("finish_reason").asString();
    }

    private static String toolConfig(String choice) {
        return GeminiJson.read(GeminiRequestTranslator.translate(bytes("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"tool_choice":%s}""".formatted(choice))))
                .path("toolConfig").toString();
    }

    private static String stream(GeminiStreamTranslator translator, String fixture) {
        List<byte[]> out = new ArrayList<>();
        GeminiFixtures.events(fixture).forEach(event -> out.addAll(translator.accept(event)));
        out.addAll(translator.end());
        var all = new StringBuilder();
        out.forEach(event -> all.append(new String(event, StandardCharsets.UTF_8)));
        return all.toString();
    }

    private static UpstreamHttp.Answer answer(int status, String fixture) {
        return new UpstreamHttp.Answer(status, new DefaultHttpHeaders(), GeminiFixtures.bytes(fixture));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
