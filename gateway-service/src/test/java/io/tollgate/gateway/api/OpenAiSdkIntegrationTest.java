package io.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.Seeder;
import java.math.BigDecimal;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK, unchanged, against the running gateway and a real-HTTP upstream. */
class OpenAiSdkIntegrationTest extends GatewayIntegrationTest {

    @Test
    void chat_completion_is_relayed_with_its_exact_cost_and_metered_once() {
        var world = world();
        var params = ChatCompletionCreateParams.builder().model(world.chatModel()).addUserMessage("Describe the image").build();

        var response = client(world.key().plaintext()).chat().completions().withRawResponse().create(params);
        var completion = response.parse();

        assertThat(completion.choices().getFirst().message().content())
                .hasValue("The image shows a wooden boardwalk path running through a lush green field or meadow.");
        // 176 uncached x 2.50 + 1024 cached x 1.25 + 172 output x 10 + 128 reasoning x 10 (output rate), per million
        assertThat(new BigDecimal(response.headers().values("x-tollgate-cost-usd").getFirst()))
                .isEqualByComparingTo("0.004720");
        assertThat(response.headers().values("x-request-id")).singleElement().asString().isNotBlank();
        var upstreamCall = UPSTREAM.receivedFor("gpt-4o-2024-08-06").getLast();
        assertThat(upstreamCall.authorization()).isEqualTo("Bearer " + Seeder.PROVIDER_CREDENTIAL);
        assertThat(upstreamCall.body()).doesNotContain(world.chatModel());

        var event = events(world.key().id(), 1).getFirst();
        assertThat(event).containsEntry("endpoint", "CHAT").containsEntry("requested_model", world.chatModel())
                .containsEntry("served_model", world.chatModel()).containsEntry("upstream_model", "gpt-4o-2024-08-06")
                .containsEntry("prompt_tokens", 1200).containsEntry("completion_tokens", 300)
                .containsEntry("cached_tokens", 1024).containsEntry("reasoning_tokens", 128)
                .containsEntry("usage_estimated", false).containsEntry("status_code", 200)
                .containsEntry("streamed", false);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.004720");
    }

    @Test
    void streamed_chat_reaches_the_client_and_is_billed_from_the_final_usage_chunk() {
        var world = world();
        var params = ChatCompletionCreateParams.builder().model(world.chatModel()).addUserMessage("Say hello").build();

        String text;
        long usageChunks;
        try (StreamResponse<ChatCompletionChunk> stream = client(world.key().plaintext()).chat().completions()
                .createStreaming(params)) {
            var chunks = stream.stream().toList();
            text = chunks.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.delta().content().stream())
                    .collect(Collectors.joining());
            usageChunks = chunks.stream().filter(c -> c.usage().isPresent()).count();
        }

        assertThat(text).isEqualTo("Hello world");
        assertThat(usageChunks).as("the client did not ask for usage, the gateway did").isZero();
        assertThat(UPSTREAM.receivedFor("gpt-4o-2024-08-06").getLast().body()).contains("\"include_usage\":true");
        var event = events(world.key().id(), 1).getFirst();
        assertThat(event).containsEntry("streamed", true).containsEntry("prompt_tokens", 1200)
                .containsEntry("completion_tokens", 300).containsEntry("cached_tokens", 1024)
                .containsEntry("reasoning_tokens", 128).containsEntry("usage_estimated", false);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.004720");
        assertThat(event.get("ttft_ms")).isNotNull();
    }

    @Test
    void a_client_that_asks_for_usage_in_a_stream_gets_the_usage_chunk() {
        var world = world();
        var params = ChatCompletionCreateParams.builder().model(world.chatModel()).addUserMessage("Say hello")
                .streamOptions(com.openai.models.chat.completions.ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();

        try (var stream = client(world.key().plaintext()).chat().completions().createStreaming(params)) {
            var usage = stream.stream().flatMap(c -> c.usage().stream()).toList();
            assertThat(usage).singleElement().satisfies(u -> assertThat(u.promptTokens()).isEqualTo(1200));
        }
    }

    @Test
    void the_mock_provider_answers_chat_and_streams_deterministically() {
        var world = world();
        var client = client(world.key().plaintext());
        var params = ChatCompletionCreateParams.builder().model(world.mockModel()).addUserMessage("What is Tollgate?").build();

        String first = client.chat().completions().create(params).choices().getFirst().message().content().orElseThrow();
        String again = client.chat().completions().create(params).choices().getFirst().message().content().orElseThrow();
        String streamed;
        try (var stream = client.chat().completions().createStreaming(params)) {
            streamed = stream.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.delta().content().stream())
                    .collect(Collectors.joining());
        }

        assertThat(first).isNotBlank().isEqualTo(again).isEqualTo(streamed);
        var events = events(world.key().id(), 3);
        assertThat(events).allSatisfy(event -> assertThat(event).containsEntry("usage_estimated", false)
                .containsEntry("status_code", 200));
        assertThat(events).extracting(e -> e.get("completion_tokens")).containsOnly(events.getFirst().get("completion_tokens"));
        assertThat((Integer) events.getFirst().get("prompt_tokens")).isPositive();
    }

    @Test
    void the_mock_provider_stops_at_the_request_s_token_limit_and_says_so_as_a_provider_does() {
        var world = world();
        var client = client(world.key().plaintext());
        var capped = ChatCompletionCreateParams.builder().model(world.mockModel()).addUserMessage("What is Tollgate?")
                .maxCompletionTokens(5).build();
        var free = ChatCompletionCreateParams.builder().model(world.mockModel()).addUserMessage("What is Tollgate?")
                .build();

        var cut = client.chat().completions().create(capped);
        var whole = client.chat().completions().create(free);
        ChatCompletionChunk.Choice.FinishReason streamedReason;
        long streamedTokens;
        try (var stream = client.chat().completions().createStreaming(capped.toBuilder()
                .streamOptions(com.openai.models.chat.completions.ChatCompletionStreamOptions.builder()
                        .includeUsage(true).build()).build())) {
            var chunks = stream.stream().toList();
            streamedReason = chunks.stream().flatMap(c -> c.choices().stream())
                    .flatMap(c -> c.finishReason().stream()).findFirst().orElseThrow();
            streamedTokens = chunks.stream().flatMap(c -> c.usage().stream()).findFirst().orElseThrow()
                    .completionTokens();
        }

        assertThat(cut.choices().getFirst().finishReason())
                .isEqualTo(com.openai.models.chat.completions.ChatCompletion.Choice.FinishReason.LENGTH);
        assertThat(cut.usage().orElseThrow().completionTokens()).isBetween(1L, 5L);
        assertThat(whole.choices().getFirst().finishReason())
                .isEqualTo(com.openai.models.chat.completions.ChatCompletion.Choice.FinishReason.STOP);
        assertThat(whole.usage().orElseThrow().completionTokens()).isGreaterThan(5L);
        assertThat(whole.choices().getFirst().message().content().orElseThrow())
                .startsWith(cut.choices().getFirst().message().content().orElseThrow()).endsWith(".");
        assertThat(streamedReason).isEqualTo(ChatCompletionChunk.Choice.FinishReason.LENGTH);
        assertThat(streamedTokens).isBetween(1L, 5L);
    }

    @Test
    void completions_and_embeddings_are_relayed_and_metered() {
        var world = world();
        var client = client(world.key().plaintext());

        var completion = client.completions().create(CompletionCreateParams.builder().model(world.chatModel())
                .prompt("Say this is a test").build());
        var embeddings = client.embeddings().create(EmbeddingCreateParams.builder().model(world.chatModel())
                .input("The food was delicious").build());
        var mockEmbeddings = client.embeddings().create(EmbeddingCreateParams.builder().model(world.mockModel())
                .input("The food was delicious").build());

        assertThat(completion.choices().getFirst().text()).isEqualTo("\n\nThis is indeed a test");
        assertThat(embeddings.data().getFirst().embedding()).hasSize(4);
        assertThat(mockEmbeddings.data().getFirst().embedding()).hasSize(16);
        var events = events(world.key().id(), 3);
        assertThat(events).extracting(e -> e.get("endpoint")).containsExactlyInAnyOrder("COMPLETIONS", "EMBEDDINGS", "EMBEDDINGS");
        assertThat(events).filteredOn(e -> e.get("endpoint").equals("COMPLETIONS")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("prompt_tokens", 5).containsEntry("completion_tokens", 7));
    }

    @Test
    void models_list_shows_only_the_subscribed_models() {
        var world = world();
        String pending = SEEDER.model(SEEDER.mockProvider("{}"), "mock-gpt", "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), pending, "PENDING");
        awaitSnapshot(s -> s.model(pending).isPresent());
        var client = client(world.key().plaintext());

        var ids = client.models().list().data().stream().map(Model::id).toList();
        var one = client.models().retrieve(world.mockModel());

        assertThat(ids).containsExactlyInAnyOrder(world.chatModel(), world.mockModel());
        assertThat(one.id()).isEqualTo(world.mockModel());
        assertThat(one.ownedBy()).isEqualTo("tollgate");
    }
}
