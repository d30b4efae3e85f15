package io.tollgate.gateway.provider.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.Seeder;
import io.tollgate.model.crypto.CredentialCipher;
import io.tollgate.model.crypto.MasterKeys;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * vLLM and Ollama behind the gateway, with their documented differences: usage in streams only when
 * {@code stream_options.include_usage} asks for it, a server that refuses {@code stream_options}, their error shapes.
 * When an upstream reports no usage the gateway counts the tokens itself and meters them as estimated.
 */
class OpenAiCompatibleServersIntegrationTest extends GatewayIntegrationTest {

    private static final FakeCompatibleServer SERVERS = FakeCompatibleServer.start();
    private static final CredentialCipher CIPHER = new CredentialCipher(MasterKeys.parse(Seeder.MASTER_KEYS));

    private record Served(World world, String model) {
    }

    @Test
    void a_vllm_stream_is_billed_from_the_usage_chunk_the_gateway_asks_for_and_the_client_did_not() {
        var vllm = served("vllm", "meta-llama/Llama-3.1-8B-Instruct", "{}");

        List<ChatCompletionChunk> chunks = stream(vllm, false);

        assertThat(text(chunks)).isEqualTo("Hello there, how can I help?");
        assertThat(chunks).noneMatch(c -> c.usage().isPresent());
        assertThat(SERVERS.receivedBy("vllm").getLast().body()).contains("\"stream_options\":{\"include_usage\":true}");
        assertThat(events(vllm.world().key().id(), 1).getFirst()).containsEntry("prompt_tokens", 42)
                .containsEntry("completion_tokens", 9).containsEntry("usage_estimated", false);
    }

    @Test
    void an_ollama_stream_passes_its_usage_chunk_to_a_client_that_asked_and_its_errors_keep_ollamas_words() {
        var ollama = served("ollama", "llama3.2", "{}");
        var missing = served("ollama", "llama3.3", "{}");

        List<ChatCompletionChunk> chunks = stream(ollama, true);
        var notPulled = catchThrowableOfType(OpenAIServiceException.class, () -> client(missing.world().key().plaintext())
                .chat().completions().create(ChatCompletionCreateParams.builder().model(missing.model())
                        .addUserMessage("Hi").build()));

        assertThat(text(chunks)).isEqualTo("Hello! How can I help you today?");
        assertThat(chunks.stream().flatMap(c -> c.usage().stream())).singleElement()
                .satisfies(usage -> assertThat(usage.totalTokens()).isEqualTo(36));
        assertThat(events(ollama.world().key().id(), 1).getFirst()).containsEntry("prompt_tokens", 26)
                .containsEntry("completion_tokens", 10).containsEntry("usage_estimated", false);
        assertThat(notPulled.statusCode()).isEqualTo(404);
        assertThat(notPulled.getMessage()).contains("model \"llama3.3\" not found, try pulling it first");
    }

    @Test
    void a_server_that_refuses_stream_options_is_not_asked_when_its_provider_says_so_and_its_streams_are_counted() {
        var refusing = served("vllm-strict", "meta-llama/Llama-3.1-8B-Instruct", "{}");
        var configured = served("vllm-strict", "meta-llama/Llama-3.1-8B-Instruct", "{\"streamOptions\": false}");

        var refused = catchThrowableOfType(OpenAIServiceException.class, () -> stream(refusing, false));
        List<ChatCompletionChunk> chunks = stream(configured, false);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.getMessage()).contains("Extra inputs are not permitted");
        assertThat(text(chunks)).isEqualTo("Hello there, how can I help?");
        assertThat(SERVERS.receivedBy("vllm-strict").getLast().body()).doesNotContain("stream_options");
        assertThat(events(configured.world().key().id(), 1).getFirst()).containsEntry("usage_estimated", true)
                .containsEntry("status_code", 200)
                .hasEntrySatisfying("prompt_tokens", tokens -> assertThat((Integer) tokens).isPositive())
                .hasEntrySatisfying("completion_tokens", tokens -> assertThat((Integer) tokens).isBetween(5, 12));
    }

    @Test
    void streamed_tool_calls_without_usage_are_counted_from_their_names_and_arguments() {
        var tools = served("vllm", "tools", "{\"streamOptions\": false}");

        stream(tools, false);

        assertThat(events(tools.world().key().id(), 1).getFirst()).containsEntry("usage_estimated", true)
                .hasEntrySatisfying("completion_tokens", tokens -> assertThat((Integer) tokens).isBetween(10, 30));
    }

    private List<ChatCompletionChunk> stream(Served served, boolean includeUsage) {
        var params = ChatCompletionCreateParams.builder().model(served.model()).addUserMessage("Say hello");
        if (includeUsage) {
            params.streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build());
        }
        try (var stream = client(served.world().key().plaintext()).chat().completions().createStreaming(params.build())) {
            return stream.stream().toList();
        }
    }

    private static String text(List<ChatCompletionChunk> chunks) {
        return chunks.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.delta().content().stream())
                .collect(Collectors.joining());
    }

    /** An OpenAI-compatible provider on one of the fake servers with these settings, and a model on it. */
    private Served served(String flavor, String upstreamModel, String settings) {
        var world = world();
        UUID provider = UUID.randomUUID();
        var sealed = CIPHER.encrypt("sk-local", provider.toString());
        SEEDER.jdbc().sql("""
                        insert into providers (id, name, type, base_url, credential_ciphertext, credential_key_id, settings,
                                               connect_timeout_ms, response_timeout_ms)
                        values (?, ?, 'OPENAI_COMPATIBLE', ?, ?, ?, ?::jsonb, 2000, 10000)""")
                .params(provider, flavor + "-" + provider, SERVERS.baseUrl(flavor), sealed.ciphertext(), sealed.keyId(),
                        settings).update();
        String model = SEEDER.model(provider, upstreamModel, "0.10", "0.05", "0.20");
        SEEDER.subscribe(world.tenant(), world.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).isPresent() && s.approvedSubscription(world.app(), s.model(model).get().id()).isPresent());
        return new Served(world, model);
    }
}
