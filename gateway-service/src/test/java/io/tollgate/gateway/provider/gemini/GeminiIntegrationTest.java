package io.tollgate.gateway.provider.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.Seeder;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.MasterKeys;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI SDK through the gateway to Gemini over real HTTP, through AI Studio (API key) and through
 * Vertex AI (service account, OAuth tokens from a fake token endpoint).
 */
class GeminiIntegrationTest extends GatewayIntegrationTest {

    private static final KeyPair SERVICE_ACCOUNT_KEY = rsaKey();
    private static final FakeGemini GOOGLE = FakeGemini.start(SERVICE_ACCOUNT_KEY.getPublic());
    private static final CredentialCipher CIPHER = new CredentialCipher(MasterKeys.parse(Seeder.MASTER_KEYS));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        GOOGLE.close();
    }

    private record Gemini(World world, String model, String upstreamModel) {
    }

    @Test
    void ai_studio_chat_is_translated_both_ways_and_billed_by_token_class() {
        var gemini = aiStudio();
        var params = ChatCompletionCreateParams.builder().model(gemini.model())
                .addSystemMessage("Be brief.").addUserMessage("What is AI?").build();

        var response = client(gemini.world().key().plaintext()).chat().completions().withRawResponse().create(params);

        var completion = response.parse();
        assertThat(completion.choices().getFirst().message().content()).hasValue("AI learns patterns from data to make predictions.");
        assertThat(completion.choices().getFirst().finishReason().asString()).isEqualTo("stop");
        // 176 uncached x 2.50 + 1024 cached x 1.25 + (172 candidates + 128 thoughts) x 10, per million
        assertThat(new BigDecimal(response.headers().values("x-tollgate-cost-usd").getFirst())).isEqualByComparingTo("0.004720");
        var call = GOOGLE.received(gemini.upstreamModel()).getLast();
        assertThat(call.path()).isEqualTo("/v1beta/models/" + gemini.upstreamModel() + ":generateContent");
        assertThat(call.credential()).isEqualTo("key:" + FakeGemini.API_KEY);
        assertThat(call.body()).contains("\"systemInstruction\":{\"parts\":[{\"text\":\"Be brief.\"}]}")
                .contains("\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"What is AI?\"}]}]");
        var event = events(gemini.world().key().id(), 1).getFirst();
        assertThat(event).containsEntry("upstream_model", gemini.upstreamModel()).containsEntry("prompt_tokens", 1200)
                .containsEntry("completion_tokens", 300).containsEntry("cached_tokens", 1024)
                .containsEntry("reasoning_tokens", 128).containsEntry("usage_estimated", false);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.004720");
    }

    @Test
    void ai_studio_streaming_reaches_the_client_as_openai_chunks_and_is_billed_from_gemini_s_last_usage() {
        var gemini = aiStudio();
        var params = ChatCompletionCreateParams.builder().model(gemini.model()).addUserMessage("Say hello")
                .streamOptions(com.openai.models.chat.completions.ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        String text;
        List<Long> usage;
        try (var stream = client(gemini.world().key().plaintext()).chat().completions().createStreaming(params)) {
            var chunks = stream.stream().toList();
            text = chunks.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.delta().content().stream())
                    .collect(Collectors.joining());
            usage = chunks.stream().flatMap(c -> c.usage().stream()).map(u -> u.completionTokens()).toList();
        }

        assertThat(text).isEqualTo("Hello world");
        assertThat(usage).containsExactly(300L);
        var call = GOOGLE.received(gemini.upstreamModel()).getLast();
        assertThat(call.path()).endsWith(":streamGenerateContent");
        assertThat(call.query()).isEqualTo("alt=sse");
        var event = events(gemini.world().key().id(), 1).getFirst();
        assertThat(event).containsEntry("streamed", true).containsEntry("prompt_tokens", 1200)
                .containsEntry("completion_tokens", 300).containsEntry("cached_tokens", 1024)
                .containsEntry("reasoning_tokens", 128).containsEntry("usage_estimated", false);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.004720");
    }

    @Test
    void a_tool_call_round_trip_with_parallel_calls() {
        var gemini = aiStudio();
        var client = client(gemini.world().key().plaintext());
        var tool = ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("get_current_weather")
                .description("Get the current weather in a given location")
                .parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
                        .build()).build()).build();
        var ask = ChatCompletionCreateParams.builder().model(gemini.model())
                .addUserMessage("Weather in Boston and Paris?").addTool(tool);

        var first = client.chat().completions().create(ask.build()).choices().getFirst();
        var calls = first.message().toolCalls().orElseThrow();
        ask.addMessage(first.message());
        calls.forEach(call -> ask.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.asFunction().id())
                .content("{\"temperature\":22}").build()));
        var second = client.chat().completions().create(ask.build());

        assertThat(first.finishReason().asString()).isEqualTo("tool_calls");
        assertThat(calls).extracting(call -> call.asFunction().function().arguments())
                .containsExactly("{\"location\":\"Boston, MA\"}", "{\"location\":\"Paris, France\"}");
        assertThat(second.choices().getFirst().message().content()).hasValue("AI learns patterns from data to make predictions.");
        String sent = GOOGLE.received(gemini.upstreamModel()).getLast().body();
        assertThat(sent).contains("\"functionCall\":{\"name\":\"get_current_weather\",\"args\":{\"location\":\"Paris, France\"}}")
                .contains("{\"functionResponse\":{\"name\":\"get_current_weather\",\"response\":{\"temperature\":22}}},"
                        + "{\"functionResponse\":{\"name\":\"get_current_weather\",\"response\":{\"temperature\":22}}}")
                .contains("\"parametersJsonSchema\":{\"type\":\"object\"");
        assertThat(events(gemini.world().key().id(), 2)).extracting(e -> e.get("prompt_tokens")).containsExactlyInAnyOrder(120, 1200);
    }

    @Test
    void ai_studio_embeddings_are_counted_by_the_gateway_since_gemini_reports_no_tokens() {
        var gemini = aiStudio();

        var embeddings = client(gemini.world().key().plaintext()).embeddings().create(EmbeddingCreateParams.builder()
                .model(gemini.model()).inputOfArrayOfStrings(List.of("What is the meaning of life?", "How much wood?")).build());

        assertThat(embeddings.data()).hasSize(2);
        assertThat(embeddings.data().get(1).embedding()).hasSize(4);
        assertThat(GOOGLE.received(gemini.upstreamModel()).getLast().path()).endsWith(":batchEmbedContents");
        var event = events(gemini.world().key().id(), 1).getFirst();
        assertThat(event).containsEntry("endpoint", "EMBEDDINGS").containsEntry("usage_estimated", true);
        assertThat((Integer) event.get("prompt_tokens")).isPositive();
    }

    @Test
    void a_gemini_model_has_no_legacy_completions_endpoint() throws Exception {
        var gemini = aiStudio();

        var response = post(gemini, "/completions", "{\"model\":\"" + gemini.model() + "\",\"prompt\":\"Say hi\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"endpoint_not_supported\"");
    }

    @Test
    void vertex_chat_and_embeddings_carry_the_service_account_s_token_to_the_project_s_region() {
        var gemini = vertex("/token");
        var client = client(gemini.world().key().plaintext());

        var completion = client.chat().completions().create(ChatCompletionCreateParams.builder().model(gemini.model())
                .addUserMessage("What is AI?").build());
        var embeddings = client.embeddings().create(EmbeddingCreateParams.builder().model(gemini.model())
                .input("banana muffins").build());

        assertThat(completion.choices().getFirst().message().content()).hasValue("AI learns patterns from data to make predictions.");
        assertThat(embeddings.data().getFirst().embedding()).hasSize(4);
        var calls = GOOGLE.received(gemini.upstreamModel());
        String models = "/v1/projects/tollgate-test/locations/europe-west4/publishers/google/models/" + gemini.upstreamModel();
        assertThat(calls).extracting(FakeGemini.Received::path).containsExactly(models + ":generateContent", models + ":predict");
        assertThat(calls).allSatisfy(call -> assertThat(call.credential()).startsWith("Bearer vertex-token-"));
        var events = events(gemini.world().key().id(), 2);
        assertThat(events).filteredOn(e -> e.get("endpoint").equals("EMBEDDINGS")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("prompt_tokens", 6).containsEntry("usage_estimated", false));
    }

    @Test
    void vertex_tokens_are_refreshed_ahead_of_expiry_off_the_request_path() {
        var gemini = vertex("/token-short");
        var client = client(gemini.world().key().plaintext());
        var params = ChatCompletionCreateParams.builder().model(gemini.model()).addUserMessage("What is AI?").build();

        client.chat().completions().create(params);
        String firstToken = GOOGLE.received(gemini.upstreamModel()).getLast().credential();
        int issued = GOOGLE.tokensIssued();
        // two-second tokens are replaced every second while no request is made
        await(() -> GOOGLE.tokensIssued() >= issued + 2, Duration.ofSeconds(15), "tokens refreshed without requests");
        client.chat().completions().create(params);

        String laterToken = GOOGLE.received(gemini.upstreamModel()).getLast().credential();
        assertThat(laterToken).startsWith("Bearer vertex-token-").isNotEqualTo(firstToken);
        assertThat(events(gemini.world().key().id(), 2)).allSatisfy(e -> assertThat(e).containsEntry("status_code", 200));
    }

    @Test
    void a_revoked_service_account_is_a_502_with_the_token_endpoint_s_words() throws Exception {
        var gemini = vertex("/token-revoked");

        var response = post(gemini, "/chat/completions", "{\"model\":\"" + gemini.model()
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"code\":\"upstream_auth_failed\"")
                .contains("invalid_grant (Invalid JWT Signature.)");
        assertThat(GOOGLE.received(gemini.upstreamModel())).isEmpty();
        assertThat(events(gemini.world().key().id(), 1)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("status_code", 502));
    }

    private Gemini aiStudio() {
        return seed(FakeGemini.API_KEY, GOOGLE.url() + "/v1beta", null);
    }

    private Gemini vertex(String tokenPath) {
        return seed(serviceAccountJson(GOOGLE.url() + tokenPath), GOOGLE.url() + "/v1",
                "{\"project\":\"tollgate-test\",\"location\":\"europe-west4\"}");
    }

    /** A Gemini provider and a model on it (its own upstream model name, to tell the calls apart), priced per million. */
    private Gemini seed(String credential, String baseUrl, @Nullable String settings) {
        var world = world();
        UUID provider = UUID.randomUUID();
        var sealed = CIPHER.encrypt(credential, provider.toString());
        SEEDER.jdbc().sql("""
                        insert into providers (id, name, type, base_url, credential_ciphertext, credential_key_id, settings,
                                               connect_timeout_ms, response_timeout_ms)
                        values (?, ?, 'GEMINI', ?, ?, ?, coalesce(?::jsonb, '{}'::jsonb), 2000, 10000)""")
                .params(provider, "gemini-" + provider, baseUrl, sealed.ciphertext(), sealed.keyId(), settings).update();
        String upstreamModel = "gemini-2.5-flash-" + provider.toString().substring(0, 8);
        String model = SEEDER.model(provider, upstreamModel, "2.50", "1.25", "10.00");
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).isPresent() && s.approvedSubscription(world.app(), s.model(model).get().id()).isPresent());
        return new Gemini(world, model, upstreamModel);
    }

    private HttpResponse<String> post(Gemini gemini, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + gemini.world().key().plaintext())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String serviceAccountJson(String tokenUri) {
        String pem = "-----BEGIN PRIVATE KEY-----\\n"
                + Base64.getEncoder().encodeToString(SERVICE_ACCOUNT_KEY.getPrivate().getEncoded())
                + "\\n-----END PRIVATE KEY-----\\n";
        return """
                {"type":"service_account","project_id":"tollgate-test","private_key_id":"0123456789abcdef",
                 "private_key":"%s","client_email":"gateway@tollgate-test.iam.gserviceaccount.com",
                 "client_id":"1234567890","token_uri":"%s"}""".formatted(pem, tokenUri);
    }

    private static KeyPair rsaKey() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
