package io.tollgate.gateway.provider.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.core.JsonValue;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.tollgate.gateway.support.FakeAnthropic;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.Seeder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The official OpenAI Java SDK against the gateway, routed to a fake Anthropic Messages API over real HTTP. */
class AnthropicIntegrationTest extends GatewayIntegrationTest {

    private static final FakeAnthropic ANTHROPIC = FakeAnthropic.start(Seeder.PROVIDER_CREDENTIAL);

    /** A key subscribed to a Claude model (maximum output 64000) and to two that fail upstream. */
    private record Claude(UUID tenant, UUID app, Seeder.IssuedKey key, String model, String overloaded,
                          String rateLimited) {
    }

    @Test
    void chat_is_translated_both_ways_and_metered_with_cache_reads_at_the_cached_price() {
        var claude = claude();
        var params = ChatCompletionCreateParams.builder().model(claude.model())
                .addSystemMessage("You are a literature professor.").addUserMessage("What are the main themes?").build();

        var response = client(claude.key().plaintext()).chat().completions().withRawResponse().create(params);
        ChatCompletion completion = response.parse();

        assertThat(completion.choices().getFirst().message().content())
                .hasValue("The main themes of Pride and Prejudice are love, class and reputation.");
        assertThat(completion.choices().getFirst().finishReason()).hasToString("length");
        var call = ANTHROPIC.receivedFor("claude-sonnet-4-5").getLast();
        assertThat(call.path()).isEqualTo("/v1/messages");
        assertThat(call.apiKey()).isEqualTo(Seeder.PROVIDER_CREDENTIAL);
        assertThat(call.version()).isEqualTo(FakeAnthropic.VERSION);
        assertThat(call.body()).contains("\"max_tokens\":64000", "\"system\":\"You are a literature professor.\"")
                .doesNotContain(claude.model());
        // 21 uncached x 3.00 + 188086 cache reads x 0.30 + 393 output x 15.00, per million
        assertThat(new BigDecimal(response.headers().values("x-tollgate-cost-usd").getFirst()))
                .isEqualByComparingTo("0.0623838");
        var event = events(claude.key().id(), 1).getFirst();
        assertThat(event).containsEntry("upstream_model", "claude-sonnet-4-5").containsEntry("prompt_tokens", 188107)
                .containsEntry("completion_tokens", 393).containsEntry("cached_tokens", 188086)
                .containsEntry("cache_write_tokens", 0).containsEntry("usage_estimated", false)
                .containsEntry("status_code", 200);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.0623838");
    }

    @Test
    void cache_writes_are_metered_as_their_own_class_at_the_cache_write_price() {
        var claude = claude();
        String model = SEEDER.model(SEEDER.anthropicProvider(ANTHROPIC.baseUrl()), "claude-cache-write", "3.00", "0.30", "15.00");
        SEEDER.jdbc().sql("update prices set cache_write_input_per_million = 3.75 where model_id = (select id from models where name = ?)")
                .param(model).update();
        SEEDER.subscribe(claude.tenant(), claude.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).flatMap(m -> s.approvedSubscription(claude.app(), m.id())).isPresent()
                && s.prices(s.model(model).get().id()).prices().getFirst().rates().cacheWriteInputPerMillion() != null);

        var response = client(claude.key().plaintext()).chat().completions().withRawResponse()
                .create(ChatCompletionCreateParams.builder().model(model).addUserMessage("Analyze this book").build());

        assertThat(response.parse().choices().getFirst().message().content()).hasValue("Hi! My name is Claude.");
        // 21 plain input x 3.00 + 188086 cache writes x 3.75 + 393 output x 15.00, per million
        assertThat(new BigDecimal(response.headers().values("x-tollgate-cost-usd").getFirst()))
                .isEqualByComparingTo("0.7112805");
        var event = events(claude.key().id(), 1).getFirst();
        assertThat(event).containsEntry("prompt_tokens", 188107).containsEntry("cached_tokens", 0)
                .containsEntry("cache_write_tokens", 188086).containsEntry("completion_tokens", 393);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.7112805");
    }

    @Test
    void a_stream_becomes_openai_chunks_billed_from_message_delta_with_the_usage_chunk_only_when_asked() {
        var claude = claude();
        var client = client(claude.key().plaintext());
        var plain = ChatCompletionCreateParams.builder().model(claude.model()).addUserMessage("Say hello").build();
        var withUsage = plain.toBuilder().streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();

        List<ChatCompletionChunk> chunks;
        try (var stream = client.chat().completions().createStreaming(plain)) {
            chunks = stream.stream().toList();
        }
        List<ChatCompletionChunk> chunksWithUsage;
        try (var stream = client.chat().completions().createStreaming(withUsage)) {
            chunksWithUsage = stream.stream().toList();
        }

        assertThat(chunks.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.delta().content().stream())
                .collect(Collectors.joining())).isEqualTo("Hello!");
        assertThat(chunks.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.finishReason().stream()))
                .singleElement().hasToString("stop");
        assertThat(chunks).noneMatch(c -> c.usage().isPresent());
        assertThat(chunksWithUsage.stream().flatMap(c -> c.usage().stream())).singleElement().satisfies(usage -> {
            assertThat(usage.promptTokens()).isEqualTo(2073);
            assertThat(usage.completionTokens()).isEqualTo(15);
        });
        assertThat(ANTHROPIC.receivedFor("claude-sonnet-4-5").getLast().body()).contains("\"stream\":true");
        assertThat(events(claude.key().id(), 2)).allSatisfy(event -> {
            assertThat(event).containsEntry("streamed", true).containsEntry("prompt_tokens", 2073)
                    .containsEntry("cached_tokens", 2048).containsEntry("completion_tokens", 15)
                    .containsEntry("usage_estimated", false);
            // 25 uncached x 3.00 + 2048 cache reads x 0.30 + 15 output x 15.00, per million
            assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.0009144");
        });
    }

    @Test
    void a_tool_call_round_trip_goes_out_as_tool_use_and_comes_back_as_tool_results() {
        var claude = claude();
        var client = client(claude.key().plaintext());
        var ask = ChatCompletionCreateParams.builder().model(claude.model())
                .addUserMessage("What's the weather and time in San Francisco?")
                .addFunctionTool(function("get_weather")).addFunctionTool(function("get_time")).build();

        var first = client.chat().completions().create(ask);
        var message = first.choices().getFirst().message();
        List<ChatCompletionMessageToolCall> calls = message.toolCalls().orElseThrow();
        var answer = ask.toBuilder().addMessage(message);
        for (var call : calls) {
            answer.addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.asFunction().id())
                    .content(call.asFunction().function().name().equals("get_weather") ? "15 degrees" : "14:05").build());
        }
        var second = client.chat().completions().create(answer.build());

        assertThat(first.choices().getFirst().finishReason()).hasToString("tool_calls");
        assertThat(calls).extracting(c -> c.asFunction().function().name()).containsExactly("get_weather", "get_time");
        assertThat(calls.getFirst().asFunction().function().arguments())
                .isEqualTo("{\"location\":\"San Francisco, CA\",\"unit\":\"celsius\"}");
        assertThat(second.choices().getFirst().message().content()).hasValueSatisfying(text -> assertThat(text).startsWith("The main themes"));
        var roundTrip = ANTHROPIC.receivedFor("claude-sonnet-4-5").getLast().body();
        assertThat(roundTrip).contains("\"type\":\"tool_use\",\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"get_weather\"")
                .contains("\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01A09q90qw90lq917835lq9\",\"content\":\"15 degrees\"")
                .contains("\"tool_use_id\":\"toolu_01B09q90qw90lq917835lq0\",\"content\":\"14:05\"");
        assertThat(events(claude.key().id(), 2).getFirst()).containsEntry("prompt_tokens", 472).containsEntry("completion_tokens", 121);
    }

    @Test
    void streamed_tool_calls_arrive_as_openai_tool_call_deltas() {
        var claude = claude();
        var ask = ChatCompletionCreateParams.builder().model(claude.model()).addUserMessage("Weather and time?")
                .addFunctionTool(function("get_weather")).addFunctionTool(function("get_time")).build();

        Map<Long, String> arguments;
        Map<Long, String> names;
        try (var stream = client(claude.key().plaintext()).chat().completions().createStreaming(ask)) {
            var calls = stream.stream().flatMap(c -> c.choices().stream()).flatMap(c -> c.delta().toolCalls().stream())
                    .flatMap(List::stream).toList();
            arguments = calls.stream().collect(Collectors.groupingBy(c -> c.index(),
                    Collectors.mapping(c -> c.function().flatMap(f -> f.arguments()).orElse(""), Collectors.joining())));
            names = calls.stream().filter(c -> c.function().flatMap(f -> f.name()).isPresent())
                    .collect(Collectors.toMap(c -> c.index(), c -> c.function().orElseThrow().name().orElseThrow()));
        }

        assertThat(names).containsExactlyInAnyOrderEntriesOf(Map.of(0L, "get_weather", 1L, "get_time"));
        assertThat(arguments).containsEntry(0L, "{\"location\": \"San Francisco, CA\", \"unit\": \"fahrenheit\"}")
                .containsEntry(1L, "{\"timezone\": \"America/Los_Angeles\"}");
        assertThat(events(claude.key().id(), 1).getFirst()).containsEntry("prompt_tokens", 472)
                .containsEntry("completion_tokens", 89).containsEntry("usage_estimated", false);
    }

    @Test
    void provider_errors_keep_their_meaning_and_embeddings_are_refused_with_a_400() {
        var claude = claude();
        var client = client(claude.key().plaintext());

        var overloaded = catchThrowableOfType(OpenAIServiceException.class, () -> client.chat().completions()
                .create(ChatCompletionCreateParams.builder().model(claude.overloaded()).addUserMessage("hi").build()));
        var rateLimited = catchThrowableOfType(OpenAIServiceException.class, () -> client.chat().completions()
                .create(ChatCompletionCreateParams.builder().model(claude.rateLimited()).addUserMessage("hi").build()));
        var embeddings = catchThrowableOfType(OpenAIServiceException.class, () -> client.embeddings()
                .create(EmbeddingCreateParams.builder().model(claude.model()).input("hello").build()));

        assertThat(overloaded.statusCode()).isEqualTo(503);
        assertThat(overloaded.code()).hasValue("upstream_unavailable");
        assertThat(rateLimited.statusCode()).isEqualTo(429);
        assertThat(rateLimited.headers().values("retry-after")).containsExactly("7");
        assertThat(embeddings.statusCode()).isEqualTo(400);
        assertThat(embeddings.code()).hasValue("endpoint_not_supported");
        assertThat(events(claude.key().id(), 3)).extracting(e -> e.get("status_code")).containsExactlyInAnyOrder(503, 429, 400);
    }

    @Test
    void a_deployment_whose_anthropic_headers_say_no_request_is_left_is_skipped_until_its_reset() {
        var claude = claude();
        UUID provider = SEEDER.anthropicProvider(ANTHROPIC.baseUrl());
        String model = SEEDER.model(provider, "claude-requests-exhausted", "3.00", "0.30", "15.00");
        SEEDER.deployment(model, provider, "claude-sonnet-4-5", 1);
        SEEDER.jdbc().sql("update deployments set requests_per_minute = 1000 where id = ?")
                .param(SEEDER.deploymentOf(model, "claude-requests-exhausted")).update();
        SEEDER.subscribe(claude.tenant(), claude.app(), model, "APPROVED");
        awaitSnapshot(s -> s.model(model).map(m -> s.deployments(m.id()).size() == 2
                && s.deployments(m.id()).getFirst().requestsPerMinute() != null
                && s.approvedSubscription(claude.app(), m.id()).isPresent()).orElse(false));
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";

        for (int i = 0; i < 3; i++) {
            var response = postJson("/chat/completions", claude.key().plaintext(), body);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("x-tollgate-attempts")).as("skipped, not refused").hasValue("1");
        }
        assertThat(ANTHROPIC.receivedFor("claude-requests-exhausted")).as("its last request, said the headers").hasSize(1);
        assertThat(events(claude.key().id(), 3)).extracting(e -> e.get("upstream_model"))
                .containsExactly("claude-requests-exhausted", "claude-sonnet-4-5", "claude-sonnet-4-5");
    }

    private static FunctionDefinition function(String name) {
        return FunctionDefinition.builder().name(name).description("Look up " + name)
                .parameters(FunctionParameters.builder().putAdditionalProperty("type", JsonValue.from("object")).build())
                .build();
    }

    private Claude claude() {
        UUID tenant = SEEDER.tenant();
        UUID app = SEEDER.app(tenant);
        var key = SEEDER.key(tenant, app, null);
        UUID provider = SEEDER.anthropicProvider(ANTHROPIC.baseUrl());
        String model = SEEDER.model(provider, "claude-sonnet-4-5", "3.00", "0.30", "15.00");
        SEEDER.jdbc().sql("update models set max_output_tokens = 64000 where name = ?").param(model).update();
        String overloaded = SEEDER.model(provider, "claude-overloaded", "3.00", "0.30", "15.00");
        String rateLimited = SEEDER.model(provider, "claude-rate-limited", "3.00", "0.30", "15.00");
        for (String name : List.of(model, overloaded, rateLimited)) {
            SEEDER.subscribe(tenant, app, name, "APPROVED");
        }
        awaitSnapshot(s -> s.keyByPrefix(key.prefix()).isPresent() && s.model(rateLimited).isPresent()
                && s.approvedSubscription(app, s.model(rateLimited).get().id()).isPresent()
                && s.limits().maxOutputTokens(s.model(model).orElseThrow().id()).isPresent());
        return new Claude(tenant, app, key, model, overloaded, rateLimited);
    }
}
