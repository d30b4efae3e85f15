package io.tollgate.gateway.provider.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.core.JsonValue;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.Seeder;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.MasterKeys;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK against the gateway, routed to a fake Bedrock runtime over real HTTP that verifies
 * each request's SigV4 signature by signing it again with the AWS SDK's signer.
 */
class BedrockIntegrationTest extends GatewayIntegrationTest {

    private static final FakeBedrock BEDROCK = FakeBedrock.start();
    private static final CredentialCipher CIPHER = new CredentialCipher(MasterKeys.parse(Seeder.MASTER_KEYS));
    private static final String CLAUDE = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String ACCESS_KEYS = """
            {"accessKeyId":"%s","secretAccessKey":"%s"}""".formatted(FakeBedrock.ACCESS_KEY_ID, FakeBedrock.SECRET_ACCESS_KEY);

    /** A key subscribed to models on one Bedrock provider, each named by its upstream model id. */
    private record Bedrock(World world, Map<String, String> models) {

        String model(String upstream) {
            return models.get(upstream);
        }
    }

    @Test
    void chat_is_signed_with_sigv4_translated_both_ways_and_metered_with_cache_reads_at_the_cached_price() {
        var bedrock = bedrock(ACCESS_KEYS, CLAUDE);
        var params = ChatCompletionCreateParams.builder().model(bedrock.model(CLAUDE)).maxCompletionTokens(300)
                .addSystemMessage("You are a radio assistant.").addUserMessage("What is the top song on WZPZ?").build();

        var response = client(bedrock.world().key().plaintext()).chat().completions().withRawResponse().create(params);

        var completion = response.parse();
        assertThat(completion.choices().getFirst().message().content())
                .hasValue("The top song on WZPZ is Elemental Hotel by 8 Storey Hike.");
        assertThat(completion.choices().getFirst().finishReason()).hasToString("stop");
        var call = BEDROCK.receivedFor(CLAUDE).getLast();
        assertThat(call.operation()).isEqualTo("converse");
        assertThat(call.rawPath()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(call.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=" + FakeBedrock.ACCESS_KEY_ID + "/")
                .contains("/" + FakeBedrock.REGION + "/bedrock/aws4_request");
        assertThat(call.signatureValid()).isTrue();
        assertThat(call.body()).contains("\"system\":[{\"text\":\"You are a radio assistant.\"}]",
                "\"inferenceConfig\":{\"maxTokens\":300}").doesNotContain("\"model\"");
        // 10 plain input x 3.00 + 1110 cache reads x 0.30 + 200 output x 15.00, per million
        assertThat(new BigDecimal(response.headers().values("x-tollgate-cost-usd").getFirst()))
                .isEqualByComparingTo("0.003363");
        var event = events(bedrock.world().key().id(), 1).getFirst();
        assertThat(event).containsEntry("upstream_model", CLAUDE).containsEntry("prompt_tokens", 1120)
                .containsEntry("completion_tokens", 200).containsEntry("cached_tokens", 1110)
                .containsEntry("cache_write_tokens", 0).containsEntry("usage_estimated", false)
                .containsEntry("status_code", 200);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.003363");
    }

    @Test
    void a_stream_is_decoded_from_event_stream_frames_into_openai_chunks_with_bedrocks_usage() {
        var bedrock = bedrock(ACCESS_KEYS, CLAUDE);
        var params = ChatCompletionCreateParams.builder().model(bedrock.model(CLAUDE)).addUserMessage("Top song?")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        List<ChatCompletionChunk> chunks;
        try (var stream = client(bedrock.world().key().plaintext()).chat().completions().createStreaming(params)) {
            chunks = stream.stream().toList();
        }

        assertThat(chunks.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.delta().content().stream())
                .collect(Collectors.joining())).isEqualTo("The top song on WZPZ is Elemental Hotel.");
        assertThat(chunks.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.finishReason().stream()))
                .singleElement().hasToString("stop");
        assertThat(chunks.stream().flatMap(c -> c.usage().stream())).singleElement().satisfies(usage -> {
            assertThat(usage.promptTokens()).isEqualTo(1049);
            assertThat(usage.completionTokens()).isEqualTo(12);
        });
        var call = BEDROCK.receivedFor(CLAUDE).getLast();
        assertThat(call.operation()).isEqualTo("converse-stream");
        assertThat(call.signatureValid()).isTrue();
        var event = events(bedrock.world().key().id(), 1).getFirst();
        assertThat(event).containsEntry("streamed", true).containsEntry("prompt_tokens", 1049)
                .containsEntry("cached_tokens", 1024).containsEntry("completion_tokens", 12)
                .containsEntry("usage_estimated", false);
        // 25 plain input x 3.00 + 1024 cache reads x 0.30 + 12 output x 15.00, per million
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.0005622");
    }

    @Test
    void a_tool_call_round_trip_goes_out_as_tool_use_and_comes_back_as_tool_results() {
        var bedrock = bedrock(ACCESS_KEYS, CLAUDE);
        var client = client(bedrock.world().key().plaintext());
        var ask = ChatCompletionCreateParams.builder().model(bedrock.model(CLAUDE))
                .addUserMessage("What are the top songs on WZPZ and WKRP?").addFunctionTool(topSong()).build();

        var first = client.chat().completions().create(ask);
        var message = first.choices().getFirst().message();
        List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElseThrow();
        var answer = ask.toBuilder().addMessage(message);
        for (var call : calls) {
            answer.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.asFunction().id())
                    .content(call.asFunction().function().arguments().contains("WZPZ") ? "Elemental Hotel" : "Rainy Day")
                    .build());
        }
        var second = client.chat().completions().create(answer.build());

        assertThat(first.choices().getFirst().finishReason()).hasToString("tool_calls");
        assertThat(calls).extracting(c -> c.asFunction().function().arguments())
                .containsExactly("{\"sign\":\"WZPZ\"}", "{\"sign\":\"WKRP\"}");
        assertThat(second.choices().getFirst().message().content()).hasValueSatisfying(
                text -> assertThat(text).startsWith("The top song on WZPZ"));
        var roundTrip = BEDROCK.receivedFor(CLAUDE).getLast();
        assertThat(roundTrip.signatureValid()).isTrue();
        assertThat(roundTrip.body())
                .contains("{\"toolUse\":{\"toolUseId\":\"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q\",\"name\":\"top_song\",\"input\":{\"sign\":\"WZPZ\"}}}")
                .contains("{\"toolResult\":{\"toolUseId\":\"tooluse_kZJMlvQmRJ6eAyJE5GIl7Q\",\"content\":[{\"text\":\"Elemental Hotel\"}]}},"
                        + "{\"toolResult\":{\"toolUseId\":\"tooluse_5dPq0Sx8TEu2A3UeYq4Zxw\",\"content\":[{\"text\":\"Rainy Day\"}]}}");
        assertThat(events(bedrock.world().key().id(), 2).getFirst()).containsEntry("prompt_tokens", 375)
                .containsEntry("completion_tokens", 96);
    }

    @Test
    void streamed_tool_calls_arrive_as_openai_tool_call_deltas() {
        var bedrock = bedrock(ACCESS_KEYS, CLAUDE);
        var ask = ChatCompletionCreateParams.builder().model(bedrock.model(CLAUDE)).addUserMessage("Top songs?")
                .addFunctionTool(topSong()).build();

        Map<Long, String> arguments;
        try (var stream = client(bedrock.world().key().plaintext()).chat().completions().createStreaming(ask)) {
            arguments = stream.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.delta().toolCalls().stream())
                    .flatMap(List::stream).collect(Collectors.groupingBy(c -> c.index(), Collectors.mapping(
                            c -> c.function().flatMap(f -> f.arguments()).orElse(""), Collectors.joining())));
        }

        assertThat(arguments).containsExactlyInAnyOrderEntriesOf(
                Map.of(0L, "{\"sign\": \"WZPZ\"}", 1L, "{\"sign\": \"WKRP\"}"));
        assertThat(events(bedrock.world().key().id(), 1).getFirst()).containsEntry("prompt_tokens", 375)
                .containsEntry("completion_tokens", 96).containsEntry("usage_estimated", false);
    }

    @Test
    void json_mode_is_answered_with_the_forced_tools_input_as_the_content() {
        var bedrock = bedrock(ACCESS_KEYS, CLAUDE);

        var completion = client(bedrock.world().key().plaintext()).chat().completions().create(
                ChatCompletionCreateParams.builder().model(bedrock.model(CLAUDE)).addUserMessage("Top song on WZPZ as JSON")
                        .responseFormat(com.openai.models.ResponseFormatJsonObject.builder().build()).build());

        assertThat(completion.choices().getFirst().message().content())
                .hasValue("{\"station\":\"WZPZ\",\"song\":\"Elemental Hotel\",\"artist\":\"8 Storey Hike\"}");
        assertThat(completion.choices().getFirst().message().toolCalls().orElse(List.of())).isEmpty();
        assertThat(BEDROCK.receivedFor(CLAUDE).getLast().body()).contains("\"toolChoice\":{\"tool\":{\"name\":\"json_response\"}}");
    }

    @Test
    void temporary_credentials_sign_with_their_session_token_and_an_api_key_is_a_bearer_token() {
        var session = bedrock("""
                {"accessKeyId":"%s","secretAccessKey":"%s","sessionToken":"%s"}""".formatted(FakeBedrock.ACCESS_KEY_ID,
                FakeBedrock.SECRET_ACCESS_KEY, FakeBedrock.SESSION_TOKEN), "session-model");
        var apiKey = bedrock(FakeBedrock.API_KEY, "api-key-model");

        for (var bedrock : List.of(session, apiKey)) {
            String upstream = bedrock.models().keySet().iterator().next();
            var completion = client(bedrock.world().key().plaintext()).chat().completions().create(
                    ChatCompletionCreateParams.builder().model(bedrock.model(upstream)).addUserMessage("Hi").build());
            assertThat(completion.choices().getFirst().message().content()).isPresent();
        }

        assertThat(BEDROCK.receivedFor("session-model").getLast().signatureValid()).isTrue();
        assertThat(BEDROCK.receivedFor("session-model").getLast().authorization()).contains("x-amz-security-token");
        assertThat(BEDROCK.receivedFor("api-key-model").getLast().authorization()).isEqualTo("Bearer " + FakeBedrock.API_KEY);
    }

    @Test
    void a_wrong_secret_fails_the_signature_check_and_reaches_the_client_as_a_refused_credential() {
        var bedrock = bedrock("""
                {"accessKeyId":"%s","secretAccessKey":"not-the-secret"}""".formatted(FakeBedrock.ACCESS_KEY_ID), "wrong-secret");

        var refused = catchThrowableOfType(OpenAIServiceException.class, () -> client(bedrock.world().key().plaintext())
                .chat().completions().create(ChatCompletionCreateParams.builder().model(bedrock.model("wrong-secret"))
                        .addUserMessage("Hi").build()));

        assertThat(BEDROCK.receivedFor("wrong-secret").getLast().signatureValid()).isFalse();
        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.code()).hasValue("upstream_auth_failed");
        assertThat(refused.getMessage()).contains("The request signature we calculated does not match");
    }

    @Test
    void embeddings_go_to_titan_one_signed_call_per_text_and_are_metered_with_titans_token_counts() {
        var bedrock = bedrock(ACCESS_KEYS, "amazon.titan-embed-text-v2:0");

        var embeddings = client(bedrock.world().key().plaintext()).embeddings().create(EmbeddingCreateParams.builder()
                .model(bedrock.model("amazon.titan-embed-text-v2:0")).inputOfArrayOfStrings(List.of("Hello", "World"))
                .build());

        assertThat(embeddings.data()).hasSize(2);
        assertThat(embeddings.data().get(1).index()).isEqualTo(1);
        assertThat(embeddings.data().getFirst().embedding()).hasSize(4);
        var calls = BEDROCK.receivedFor("amazon.titan-embed-text-v2:0");
        assertThat(calls).hasSize(2).allSatisfy(call -> {
            assertThat(call.operation()).isEqualTo("invoke");
            assertThat(call.signatureValid()).isTrue();
        });
        assertThat(calls).extracting(FakeBedrock.Received::body)
                .containsExactlyInAnyOrder("{\"inputText\":\"Hello\"}", "{\"inputText\":\"World\"}");
        var event = events(bedrock.world().key().id(), 1).getFirst();
        assertThat(event).containsEntry("endpoint", "EMBEDDINGS").containsEntry("prompt_tokens", 14)
                .containsEntry("usage_estimated", false);
        // 14 input tokens x 3.00 per million
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.000042");
    }

    @Test
    void provider_errors_keep_their_meaning_and_embeddings_of_a_chat_model_are_refused_with_a_400() {
        var bedrock = bedrock(ACCESS_KEYS, "throttled", "loading", "refused", CLAUDE);
        var client = client(bedrock.world().key().plaintext());

        var throttled = catchThrowableOfType(OpenAIServiceException.class, () -> client.chat().completions()
                .create(ChatCompletionCreateParams.builder().model(bedrock.model("throttled")).addUserMessage("hi").build()));
        var loading = catchThrowableOfType(OpenAIServiceException.class, () -> client.chat().completions()
                .create(ChatCompletionCreateParams.builder().model(bedrock.model("loading")).addUserMessage("hi").build()));
        var refused = catchThrowableOfType(OpenAIServiceException.class, () -> client.chat().completions()
                .create(ChatCompletionCreateParams.builder().model(bedrock.model("refused")).addUserMessage("hi").build()));
        var embeddings = catchThrowableOfType(OpenAIServiceException.class, () -> client.embeddings()
                .create(EmbeddingCreateParams.builder().model(bedrock.model(CLAUDE)).input("hello").build()));

        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().values("retry-after")).containsExactly("3");
        assertThat(loading.statusCode()).isEqualTo(503);
        assertThat(loading.code()).hasValue("upstream_unavailable");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("messages.0.content: content must not be empty");
        assertThat(embeddings.statusCode()).isEqualTo(400);
        assertThat(embeddings.code()).hasValue("unsupported_for_provider");
        assertThat(embeddings.getMessage()).contains("Amazon Titan text embedding models");
        assertThat(events(bedrock.world().key().id(), 4)).extracting(e -> e.get("status_code"))
                .containsExactlyInAnyOrder(429, 503, 400, 400);
    }

    private static FunctionDefinition topSong() {
        return FunctionDefinition.builder().name("top_song").description("Get the most popular song played on a radio station.")
                .parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object")).build())
                .build();
    }

    /** A Bedrock provider in the fake's region with this credential, and a model per upstream model id (priced per million). */
    private Bedrock bedrock(String credential, String... upstreamModels) {
        var world = world();
        UUID provider = UUID.randomUUID();
        var sealed = CIPHER.encrypt(credential, provider.toString());
        SEEDER.jdbc().sql("""
                        insert into providers (id, name, type, base_url, credential_ciphertext, credential_key_id, settings,
                                               connect_timeout_ms, response_timeout_ms)
                        values (?, ?, 'BEDROCK', ?, ?, ?, ?::jsonb, 2000, 10000)""")
                .params(provider, "bedrock-" + provider, BEDROCK.baseUrl(), sealed.ciphertext(), sealed.keyId(),
                        "{\"region\":\"" + FakeBedrock.REGION + "\"}").update();
        Map<String, String> models = new java.util.LinkedHashMap<>();
        for (String upstream : upstreamModels) {
            String model = SEEDER.model(provider, upstream, "3.00", "0.30", "15.00");
            SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
            models.put(upstream, model);
        }
        String last = models.values().stream().reduce((a, b) -> b).orElseThrow();
        awaitSnapshot(s -> s.model(last).isPresent() && s.approvedSubscription(world.app(), s.model(last).get().id()).isPresent());
        return new Bedrock(world, models);
    }
}
