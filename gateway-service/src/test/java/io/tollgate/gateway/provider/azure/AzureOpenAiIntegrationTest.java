package io.tollgate.gateway.provider.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.completions.CompletionCreateParams;
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
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The official OpenAI SDK through the gateway to an Azure OpenAI resource speaking Azure's wire format. */
class AzureOpenAiIntegrationTest extends GatewayIntegrationTest {

    private static final FakeAzureOpenAi AZURE = FakeAzureOpenAi.start();
    private static final CredentialCipher CIPHER = new CredentialCipher(MasterKeys.parse(Seeder.MASTER_KEYS));

    @AfterAll
    static void stop() {
        AZURE.close();
    }

    private record Azure(World world, String model, String deployment) {
    }

    /** A model on an Azure deployment named after the test, priced like the OpenAI fixture's model. */
    private Azure azure(String deployment) {
        return azure(deployment, FakeAzureOpenAi.API_KEY, "{\"apiVersion\":\"" + FakeAzureOpenAi.API_VERSION + "\"}");
    }

    /** The same with Entra ID: the app registration's client secret as the credential. */
    private Azure entra(String deployment, String clientSecret) {
        return azure(deployment, clientSecret, """
                {"apiVersion":"%s","tenantId":"%s","clientId":"%s","authorityUrl":"%s"}""".formatted(
                FakeAzureOpenAi.API_VERSION, FakeAzureOpenAi.TENANT, FakeAzureOpenAi.CLIENT_ID, AZURE.baseUrl()));
    }

    private Azure azure(String deployment, String secret, String settings) {
        var world = world();
        UUID provider = UUID.randomUUID();
        var credential = CIPHER.encrypt(secret, provider.toString());
        SEEDER.jdbc().sql("""
                        insert into providers (id, name, type, base_url, credential_ciphertext, credential_key_id, settings,
                                               connect_timeout_ms, response_timeout_ms)
                        values (?, ?, 'AZURE_OPENAI', ?, ?, ?, ?::jsonb, 2000, 10000)""")
                .params(provider, "azure-" + provider, AZURE.baseUrl(), credential.ciphertext(), credential.keyId(),
                        settings).update();
        String model = SEEDER.model(provider, deployment, "2.50", "1.25", "10.00");
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).isPresent() && s.approvedSubscription(world.app(), s.model(model).get().id()).isPresent());
        return new Azure(world, model, deployment);
    }

    @Test
    void chat_goes_to_the_deployment_with_the_api_key_and_version_and_is_billed_by_token_class() {
        var azure = azure("chat-" + UUID.randomUUID());
        var params = ChatCompletionCreateParams.builder().model(azure.model()).addUserMessage("What is Azure OpenAI?").build();

        var response = client(azure.world().key().plaintext()).chat().completions().withRawResponse().create(params);

        assertThat(response.parse().choices().getFirst().message().content()).hasValueSatisfying(
                text -> assertThat(text).startsWith("Azure OpenAI Service provides REST API access"));
        // 176 uncached x 2.50 + 1024 cached x 1.25 + 300 output x 10, per million
        assertThat(new BigDecimal(response.headers().values("x-tollgate-cost-usd").getFirst())).isEqualByComparingTo("0.004720");
        var call = AZURE.received(azure.deployment()).getLast();
        assertThat(call.path()).isEqualTo("/openai/deployments/" + azure.deployment() + "/chat/completions");
        assertThat(call.query()).isEqualTo("api-version=" + FakeAzureOpenAi.API_VERSION);
        assertThat(call.apiKey()).isEqualTo(FakeAzureOpenAi.API_KEY);
        var event = events(azure.world().key().id(), 1).getFirst();
        assertThat(event).containsEntry("upstream_model", azure.deployment()).containsEntry("prompt_tokens", 1200)
                .containsEntry("completion_tokens", 300).containsEntry("cached_tokens", 1024)
                .containsEntry("reasoning_tokens", 128).containsEntry("usage_estimated", false);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.004720");
    }

    @Test
    void a_stream_passes_through_and_is_billed_from_the_usage_chunk_the_gateway_asked_for() {
        var azure = azure("stream-" + UUID.randomUUID());
        var params = ChatCompletionCreateParams.builder().model(azure.model()).addUserMessage("Say hello").build();

        String text;
        try (var stream = client(azure.world().key().plaintext()).chat().completions().createStreaming(params)) {
            text = stream.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.delta().content().stream())
                    .collect(Collectors.joining());
        }

        assertThat(text).isEqualTo("Hello world");
        assertThat(AZURE.received(azure.deployment()).getLast().body()).contains("\"include_usage\":true");
        var event = events(azure.world().key().id(), 1).getFirst();
        assertThat(event).containsEntry("streamed", true).containsEntry("prompt_tokens", 1200)
                .containsEntry("cached_tokens", 1024).containsEntry("reasoning_tokens", 128)
                .containsEntry("usage_estimated", false);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.004720");
    }

    @Test
    void a_tool_call_round_trip() {
        var azure = azure("tools-" + UUID.randomUUID());
        var client = client(azure.world().key().plaintext());
        var tool = ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("get_current_weather")
                .parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object"))
                        .putAdditionalProperty("properties", JsonValue.from(Map.of("location", Map.of("type", "string"))))
                        .build()).build()).build();
        var ask = ChatCompletionCreateParams.builder().model(azure.model()).addUserMessage("Weather in Boston?").addTool(tool);

        var first = client.chat().completions().create(ask.build()).choices().getFirst();
        ChatCompletionMessageToolCall call = first.message().toolCalls().orElseThrow().getFirst();
        var second = client.chat().completions().create(ask.addMessage(first.message())
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.asFunction().id())
                        .content("{\"temperature\":22}").build()).build());

        assertThat(first.finishReason().asString()).isEqualTo("tool_calls");
        assertThat(call.asFunction().function().name()).isEqualTo("get_current_weather");
        assertThat(call.asFunction().function().arguments()).isEqualTo("{\"location\":\"Boston, MA\"}");
        assertThat(second.choices().getFirst().message().content()).isPresent();
        assertThat(AZURE.received(azure.deployment()).getLast().body()).contains("\"tool_call_id\":\"call_tXWJgzMKwlk4ZiAIbaV8cI2J\"");
        assertThat(events(azure.world().key().id(), 2)).extracting(e -> e.get("prompt_tokens")).containsExactlyInAnyOrder(82, 1200);
    }

    @Test
    void embeddings_and_completions_are_served() {
        var azure = azure("embed-" + UUID.randomUUID());
        var client = client(azure.world().key().plaintext());

        var embeddings = client.embeddings().create(EmbeddingCreateParams.builder().model(azure.model())
                .input("The food was delicious").build());
        var completion = client.completions().create(CompletionCreateParams.builder().model(azure.model())
                .prompt("Say this is a test").build());

        assertThat(embeddings.data().getFirst().embedding()).hasSize(4);
        assertThat(completion.choices().getFirst().text()).isEqualTo("\n\nThis is indeed a test");
        assertThat(AZURE.received(azure.deployment())).extracting(FakeAzureOpenAi.Received::path).containsExactly(
                "/openai/deployments/" + azure.deployment() + "/embeddings",
                "/openai/deployments/" + azure.deployment() + "/completions");
        var events = events(azure.world().key().id(), 2);
        assertThat(events).filteredOn(e -> e.get("endpoint").equals("EMBEDDINGS")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("prompt_tokens", 4).containsEntry("usage_estimated", false));
    }

    @Test
    void an_entra_id_token_replaces_the_api_key_when_the_settings_name_an_app_registration() {
        var azure = entra("entra-" + UUID.randomUUID(), FakeAzureOpenAi.CLIENT_SECRET);
        var client = client(azure.world().key().plaintext());
        var params = ChatCompletionCreateParams.builder().model(azure.model()).addUserMessage("What is Azure OpenAI?").build();

        client.chat().completions().create(params);
        try (var stream = client.chat().completions().createStreaming(params)) {
            assertThat(stream.stream().count()).isPositive();
        }

        assertThat(AZURE.received(azure.deployment())).hasSize(2).allSatisfy(call -> {
            assertThat(call.authorization()).startsWith("Bearer entra-token-");
            assertThat(call.apiKey()).isEqualTo("null");
        });
        assertThat(events(azure.world().key().id(), 2)).allSatisfy(e -> assertThat(e).containsEntry("status_code", 200));
    }

    @Test
    void a_refused_client_secret_is_a_502_with_entra_s_words() throws Exception {
        var azure = entra("entra-refused-" + UUID.randomUUID(), "a-secret-that-was-rotated");

        var response = post(azure, "{\"model\":\"" + azure.model() + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"code\":\"upstream_auth_failed\"")
                .contains("invalid_client (AADSTS7000215: Invalid client secret provided.)");
        assertThat(AZURE.received(azure.deployment())).isEmpty();
    }

    @Test
    void a_prompt_azure_s_content_filter_refuses_is_a_400_content_filter() throws Exception {
        var azure = azure("filtered");
        var response = post(azure, "{\"model\":\"" + azure.model()
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"something hateful\"}]}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"content_filter\"").contains("content management policy");
        assertThat(events(azure.world().key().id(), 1)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("status_code", 400));
    }

    private HttpResponse<String> post(Azure azure, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + azure.world().key().plaintext())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
