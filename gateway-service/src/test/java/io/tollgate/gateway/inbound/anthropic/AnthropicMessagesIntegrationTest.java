package io.tollgate.gateway.inbound.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.errors.AnthropicServiceException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.PermissionDeniedException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.MessageParam;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.pipeline.PromptText;
import io.tollgate.gateway.support.FakeAnthropic;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import io.tollgate.gateway.support.Seeder;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The official Anthropic Java SDK against the gateway's {@code /v1/messages}: routed to a fake Anthropic Messages API
 * (the request and its answer pass through) and to a fake OpenAI-compatible upstream (translated both ways), over
 * real HTTP, with the usage events read from PostgreSQL.
 */
class AnthropicMessagesIntegrationTest extends GatewayIntegrationTest {

    private static final FakeAnthropic ANTHROPIC = FakeAnthropic.start(Seeder.PROVIDER_CREDENTIAL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private TokenCounter tokens;

    /** A key subscribed to a Claude model, to two OpenAI-compatible ones (one calls tools) and to an overloaded one. */
    private record Caller(UUID tenant, UUID app, Seeder.IssuedKey key, String claude, String gpt, String gptTools,
                          String overloaded) {
    }

    @Test
    void a_message_to_anthropic_passes_through_with_the_model_renamed_and_is_metered_with_its_cache_reads() {
        var caller = caller();
        var params = MessageCreateParams.builder().model(caller.claude()).maxTokens(1024)
                .system("You are a literature professor.").addUserMessage("What are the main themes?").build();

        Message message = client(caller).messages().create(params);

        assertThat(text(message)).isEqualTo("The main themes of Pride and Prejudice are love, class and reputation.");
        assertThat(message.stopReason()).hasValue(StopReason.MAX_TOKENS);
        assertThat(message.usage().inputTokens()).isEqualTo(21);
        assertThat(message.usage().cacheReadInputTokens()).hasValue(188086L);
        var sent = ANTHROPIC.receivedFor("claude-sonnet-4-5").getLast();
        assertThat(sent.apiKey()).isEqualTo(Seeder.PROVIDER_CREDENTIAL);
        assertThat(json(sent.body())).isEqualTo(json("{\"max_tokens\":1024,\"messages\":[{\"content\":"
                + "\"What are the main themes?\",\"role\":\"user\"}],\"model\":\"claude-sonnet-4-5\","
                + "\"system\":\"You are a literature professor.\"}"));
        var event = events(caller.key().id(), 1).getFirst();
        assertThat(event).containsEntry("endpoint", "MESSAGES").containsEntry("requested_model", caller.claude())
                .containsEntry("upstream_model", "claude-sonnet-4-5").containsEntry("prompt_tokens", 188107)
                .containsEntry("cached_tokens", 188086).containsEntry("completion_tokens", 393)
                .containsEntry("usage_estimated", false).containsEntry("status_code", 200);
        // 21 uncached x 3.00 + 188086 cache reads x 0.30 + 393 output x 15.00, per million
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.0623838");
    }

    @Test
    void a_stream_from_anthropic_reaches_the_client_as_it_came_and_is_billed_from_message_delta() {
        var caller = caller();
        var params = MessageCreateParams.builder().model(caller.claude()).maxTokens(256).addUserMessage("Say hello")
                .build();

        var accumulator = MessageAccumulator.create();
        List<String> types = new ArrayList<>();
        try (var stream = bearerClient(caller).messages().createStreaming(params)) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                types.add(type(event));
            });
        }

        assertThat(text(accumulator.message())).isEqualTo("Hello!");
        assertThat(types).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(ANTHROPIC.receivedFor("claude-sonnet-4-5").getLast().body()).contains("\"stream\":true");
        var event = events(caller.key().id(), 1).getFirst();
        assertThat(event).containsEntry("endpoint", "MESSAGES").containsEntry("streamed", true)
                .containsEntry("prompt_tokens", 2073).containsEntry("cached_tokens", 2048)
                .containsEntry("completion_tokens", 15).containsEntry("usage_estimated", false);
        // 25 uncached x 3.00 + 2048 cache reads x 0.30 + 15 output x 15.00, per million
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.0009144");
    }

    @Test
    void a_tool_use_round_trip_with_anthropic_keeps_the_blocks_as_the_client_sent_them() {
        var caller = caller();
        var client = client(caller);
        var ask = MessageCreateParams.builder().model(caller.claude()).maxTokens(1024)
                .addTool(tool("get_weather")).addTool(tool("get_time"))
                .addUserMessage("What's the weather and time in San Francisco?").build();

        Message first = client.messages().create(ask);
        List<ToolUseBlock> calls = first.content().stream().flatMap(block -> block.toolUse().stream()).toList();
        var answer = ask.toBuilder().addMessage(first).addMessage(MessageParam.ofUserOfContentBlockParams(
                calls.stream().map(call -> ContentBlockParam.ofToolResult(ToolResultBlockParam.builder()
                        .toolUseId(call.id()).content(call.name().equals("get_weather") ? "15 degrees" : "14:05")
                        .build())).toList())).build();
        Message second = client.messages().create(answer);

        assertThat(first.stopReason()).hasValue(StopReason.TOOL_USE);
        assertThat(calls).extracting(ToolUseBlock::name).containsExactly("get_weather", "get_time");
        assertThat(text(second)).startsWith("The main themes");
        var roundTrip = json(ANTHROPIC.receivedFor("claude-sonnet-4-5").getLast().body());
        assertThat(roundTrip.path("messages").get(1).path("content").get(1)).isEqualTo(json("{\"type\":\"tool_use\","
                + "\"id\":\"toolu_01A09q90qw90lq917835lq9\",\"name\":\"get_weather\",\"input\":{\"location\":"
                + "\"San Francisco, CA\",\"unit\":\"celsius\"}}"));
        assertThat(roundTrip.path("messages").get(2).path("content").get(0)).isEqualTo(json("{\"type\":\"tool_result\","
                + "\"tool_use_id\":\"toolu_01A09q90qw90lq917835lq9\",\"content\":\"15 degrees\"}"));
        assertThat(roundTrip.path("tools").get(0).path("input_schema").path("required").get(0).asString())
                .isEqualTo("location");
        assertThat(events(caller.key().id(), 2)).allSatisfy(event ->
                assertThat(event).containsEntry("endpoint", "MESSAGES").containsEntry("status_code", 200));
    }

    @Test
    void a_message_to_an_openai_provider_is_translated_both_ways_and_metered_at_its_price() {
        var caller = caller();
        var params = MessageCreateParams.builder().model(caller.gpt()).maxTokens(300)
                .system("Describe images.").addUserMessage("What is in this image?").build();

        Message message = client(caller).messages().create(params);

        assertThat(text(message)).isEqualTo("The image shows a wooden boardwalk path running through a lush green field or meadow.");
        assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
        assertThat(message.model().asString()).isEqualTo("gpt-4o-2024-08-06");
        assertThat(message.usage().inputTokens()).isEqualTo(176);
        assertThat(message.usage().cacheReadInputTokens()).hasValue(1024L);
        assertThat(message.usage().outputTokens()).isEqualTo(300);
        assertThat(json(UPSTREAM.receivedFor("gpt-4o-2024-08-06").getLast().body())).isEqualTo(json(
                "{\"model\":\"gpt-4o-2024-08-06\",\"max_tokens\":300,\"messages\":[{\"role\":\"system\",\"content\":"
                        + "\"Describe images.\"},{\"role\":\"user\",\"content\":\"What is in this image?\"}]}"));
        var event = events(caller.key().id(), 1).getFirst();
        assertThat(event).containsEntry("endpoint", "MESSAGES").containsEntry("upstream_model", "gpt-4o-2024-08-06")
                .containsEntry("prompt_tokens", 1200).containsEntry("cached_tokens", 1024)
                .containsEntry("completion_tokens", 300).containsEntry("reasoning_tokens", 128)
                .containsEntry("usage_estimated", false);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.004720");
    }

    @Test
    void a_stream_from_an_openai_provider_becomes_anthropic_events_with_the_usage_in_message_delta() {
        var caller = caller();
        var params = MessageCreateParams.builder().model(caller.gpt()).maxTokens(300).addUserMessage("Say hello")
                .build();

        var accumulator = MessageAccumulator.create();
        List<String> types = new ArrayList<>();
        try (var stream = client(caller).messages().createStreaming(params)) {
            stream.stream().forEach(event -> {
                accumulator.accumulate(event);
                types.add(type(event));
            });
        }

        Message message = accumulator.message();
        assertThat(text(message)).isEqualTo("Hello world");
        assertThat(message.stopReason()).hasValue(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isEqualTo(300);
        assertThat(types).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        assertThat(UPSTREAM.receivedFor("gpt-4o-2024-08-06").getLast().body())
                .contains("\"stream\":true", "\"include_usage\":true");
        var event = events(caller.key().id(), 1).getFirst();
        assertThat(event).containsEntry("endpoint", "MESSAGES").containsEntry("streamed", true)
                .containsEntry("prompt_tokens", 1200).containsEntry("completion_tokens", 300)
                .containsEntry("usage_estimated", false);
        assertThat((BigDecimal) event.get("cost_usd")).isEqualByComparingTo("0.004720");
    }

    @Test
    void a_tool_use_round_trip_with_an_openai_provider_goes_out_as_tool_calls_and_tool_messages() {
        var caller = caller();
        var client = client(caller);
        var ask = MessageCreateParams.builder().model(caller.gptTools()).maxTokens(1024)
                .addTool(tool("get_current_weather")).addUserMessage("What's the weather like in Boston?").build();

        Message first = client.messages().create(ask);
        ToolUseBlock call = first.content().stream().flatMap(block -> block.toolUse().stream()).findFirst().orElseThrow();
        var answer = ask.toBuilder().addMessage(first).addMessage(MessageParam.ofUserOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                ToolResultBlockParam.builder().toolUseId(call.id()).content("15 degrees").build())))).build();
        Message second = client.messages().create(answer);
        var streamed = MessageAccumulator.create();
        try (var stream = client.messages().createStreaming(ask)) {
            stream.stream().forEach(streamed::accumulate);
        }

        assertThat(first.stopReason()).hasValue(StopReason.TOOL_USE);
        assertThat(call.id()).isEqualTo("call_abc123");
        assertThat(call.name()).isEqualTo("get_current_weather");
        assertThat(call._input().convert(Map.class)).isEqualTo(Map.of("location", "Boston, MA"));
        assertThat(text(second)).startsWith("The image shows");
        var roundTrip = json(UPSTREAM.receivedFor("upstream-tool-call").get(1).body());
        assertThat(roundTrip.path("tools").get(0)).isEqualTo(json("{\"type\":\"function\",\"function\":{\"name\":"
                + "\"get_current_weather\",\"description\":\"get_current_weather of a place\",\"parameters\":"
                + "{\"type\":\"object\",\"properties\":{\"location\":{\"type\":\"string\"}},\"required\":[\"location\"]}}}"));
        assertThat(roundTrip.path("messages").get(1)).isEqualTo(json("{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"call_abc123\",\"type\":\"function\",\"function\":{\"name\":"
                + "\"get_current_weather\",\"arguments\":\"{\\\"location\\\":\\\"Boston, MA\\\"}\"}}]}"));
        assertThat(roundTrip.path("messages").get(2)).isEqualTo(json(
                "{\"role\":\"tool\",\"tool_call_id\":\"call_abc123\",\"content\":\"15 degrees\"}"));
        var streamedCall = streamed.message().content().stream().flatMap(block -> block.toolUse().stream())
                .findFirst().orElseThrow();
        assertThat(streamedCall.name()).isEqualTo("get_weather");
        assertThat(streamedCall._input().convert(Map.class)).isEqualTo(Map.of("location", "Paris, France"));
        assertThat(streamed.message().stopReason()).hasValue(StopReason.TOOL_USE);
        assertThat(events(caller.key().id(), 3)).allSatisfy(event -> assertThat(event)
                .containsEntry("endpoint", "MESSAGES").containsEntry("usage_estimated", false));
    }

    @Test
    void content_only_anthropic_takes_goes_to_anthropic_as_sent_and_is_refused_by_other_providers() {
        var caller = caller();
        String body = "{\"model\":\"%s\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":["
                + "{\"type\":\"document\",\"source\":{\"type\":\"text\",\"media_type\":\"text/plain\","
                + "\"data\":\"The grass is green.\"}},{\"type\":\"text\",\"text\":\"What color is the grass?\"}]}]}";

        var toAnthropic = postMessages(caller.key().plaintext(), body.formatted(caller.claude()));
        var toOpenAi = postMessages(caller.key().plaintext(), body.formatted(caller.gpt()));

        assertThat(toAnthropic.statusCode()).isEqualTo(200);
        assertThat(json(ANTHROPIC.receivedFor("claude-sonnet-4-5").getLast().body()).path("messages").get(0)
                .path("content").get(0).path("type").asString()).isEqualTo("document");
        assertThat(toOpenAi.statusCode()).isEqualTo(400);
        assertThat(json(toOpenAi.body()).path("error").path("message").asString())
                .startsWith("The request carries content of type 'document', which only an Anthropic model's provider takes");
    }

    @Test
    void the_built_in_mock_provider_answers_anthropic_clients_as_the_readme_shows() {
        var world = world();
        var client = AnthropicOkHttpClient.builder().apiKey(world.key().plaintext()).baseUrl(gateway()).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();

        Message message = client.messages().create(MessageCreateParams.builder().model(world.mockModel()).maxTokens(16)
                .addUserMessage("Hi").build());

        assertThat(text(message)).isNotBlank();
        assertThat(message.usage().outputTokens()).isPositive();
        var event = events(world.key().id(), 1).getFirst();
        assertThat(event).containsEntry("endpoint", "MESSAGES").containsEntry("served_model", world.mockModel())
                .containsEntry("completion_tokens", (int) message.usage().outputTokens())
                .containsEntry("prompt_tokens", (int) message.usage().inputTokens());
    }

    @Test
    void refusals_come_in_anthropics_error_shape_and_status() {
        var caller = caller();
        var params = MessageCreateParams.builder().model(caller.claude()).maxTokens(64).addUserMessage("Hi").build();

        var badKey = catchThrowableOfType(UnauthorizedException.class, () -> AnthropicOkHttpClient.builder()
                .apiKey("tg_wrongkey0000000000000000000000000").baseUrl(gateway()).maxRetries(0).build()
                .messages().create(params));
        var unknownModel = catchThrowableOfType(NotFoundException.class, () -> client(caller).messages()
                .create(params.toBuilder().model("no-such-model").build()));
        String unsubscribed = SEEDER.model(SEEDER.anthropicProvider(ANTHROPIC.baseUrl()), "claude-sonnet-4-5",
                "3.00", "0.30", "15.00");
        awaitSnapshot(s -> s.model(unsubscribed).isPresent());
        var noSubscription = catchThrowableOfType(PermissionDeniedException.class, () -> client(caller).messages()
                .create(params.toBuilder().model(unsubscribed).build()));
        var overloaded = catchThrowableOfType(AnthropicServiceException.class, () -> client(caller).messages()
                .create(params.toBuilder().model(caller.overloaded()).build()));

        assertThat(badKey.errorType()).hasValueSatisfying(type -> assertThat(type.asString()).isEqualTo("authentication_error"));
        assertThat(badKey.apiMessage()).hasValue("Incorrect API key provided.");
        assertThat(unknownModel.errorType()).hasValueSatisfying(type -> assertThat(type.asString()).isEqualTo("not_found_error"));
        assertThat(noSubscription.errorType()).hasValueSatisfying(type -> assertThat(type.asString()).isEqualTo("permission_error"));
        assertThat(overloaded.statusCode()).isEqualTo(503);
        assertThat(overloaded.errorType()).hasValueSatisfying(type -> assertThat(type.asString()).isEqualTo("overloaded_error"));

        var noMaxTokens = postMessages(caller.key().plaintext(), "{\"model\":\"" + caller.claude()
                + "\",\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}");
        var malformed = postMessages(caller.key().plaintext(), "{\"model\":");
        var wrongRole = postMessages(caller.key().plaintext(), "{\"model\":\"" + caller.claude()
                + "\",\"max_tokens\":5,\"messages\":[{\"role\":\"system\",\"content\":\"Hi\"}]}");
        assertThat(noMaxTokens.statusCode()).isEqualTo(400);
        assertThat(json(noMaxTokens.body())).isEqualTo(json("{\"type\":\"error\",\"error\":{\"type\":"
                + "\"invalid_request_error\",\"message\":\"max_tokens: Field required.\"}}"));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed.body()).path("error").path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(json(wrongRole.body()).path("error").path("message").asString())
                .isEqualTo("messages.0.role: Input should be 'user' or 'assistant'.");
        // refusals of a known caller are metered (no tokens, no cost); the bad key's is not
        assertThat(events(caller.key().id(), 6)).extracting(e -> e.get("status_code"))
                .containsExactlyInAnyOrder(404, 403, 503, 400, 400, 400);
    }

    @Test
    void limits_budgets_and_oversized_bodies_are_refused_in_anthropics_shape() {
        var caller = caller();
        SEEDER.jdbc().sql("update subscriptions set requests_per_minute = 1 where app_id = ? and model_id ="
                + " (select id from models where name = ?)").params(caller.app(), caller.claude()).update();
        awaitSnapshot(s -> s.model(caller.claude()).flatMap(m -> s.approvedSubscription(caller.app(), m.id()))
                .filter(sub -> !sub.limits().isUnlimited()).isPresent());
        SEEDER.jdbc().sql("""
                        insert into budgets (id, tenant_id, scope, app_id, model_id, amount_usd, thresholds, action)
                        values (?, ?, 'APP_MODEL', ?, (select id from models where name = ?), 0.000001, '{100}', 'BLOCK')""")
                .params(UUID.randomUUID(), caller.tenant(), caller.app(), caller.gpt()).update();
        awaitSnapshot(s -> s.budgetsByTenant().containsKey(caller.tenant()));
        String claude = "{\"model\":\"" + caller.claude() + "\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\","
                + "\"content\":\"Hi\"}]}";
        String gpt = claude.replace(caller.claude(), caller.gpt());

        var withinLimit = postMessages(caller.key().plaintext(), claude);
        var overLimit = postMessages(caller.key().plaintext(), claude);
        var spending = postMessages(caller.key().plaintext(), gpt);
        var overBudget = postMessages(caller.key().plaintext(), gpt);
        var oversized = postMessages(caller.key().plaintext(), claude.replace("Hi", "x".repeat(5 * 1024 * 1024)));

        assertThat(withinLimit.statusCode()).isEqualTo(200);
        assertThat(overLimit.statusCode()).isEqualTo(429);
        assertThat(json(overLimit.body()).path("type").asString()).isEqualTo("error");
        assertThat(json(overLimit.body()).path("error").path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(json(overLimit.body()).path("error").path("message").asString())
                .contains("requests_per_minute of the app (limit 1)");
        assertThat(overLimit.headers().firstValue("retry-after")).isPresent();
        assertThat(spending.statusCode()).isEqualTo(200);
        assertThat(overBudget.statusCode()).isEqualTo(429);
        assertThat(json(overBudget.body()).path("error").path("type").asString()).isEqualTo("rate_limit_error");
        assertThat(json(overBudget.body()).path("error").path("message").asString()).contains("budget");
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(json(oversized.body()).path("error").path("type").asString()).isEqualTo("request_too_large");
    }

    @Test
    void the_clients_anthropic_version_and_beta_headers_reach_anthropic_and_its_other_headers_do_not() {
        var caller = caller();
        var params = MessageCreateParams.builder().model(caller.claude()).maxTokens(64).addUserMessage("Hi")
                .putAdditionalHeader("anthropic-version", "2023-01-01")
                .putAdditionalHeaders("anthropic-beta", List.of("token-efficient-tools-2025-02-19",
                        "interleaved-thinking-2025-05-14"))
                .putAdditionalHeader("x-client-secret", "not for the provider")
                .build();

        Message message = client(caller).messages().create(params);

        assertThat(message.stopReason()).hasValue(StopReason.MAX_TOKENS);
        var sent = ANTHROPIC.receivedFor("claude-sonnet-4-5").getLast();
        assertThat(sent.version()).isEqualTo("2023-01-01");
        assertThat(sent.header("anthropic-beta"))
                .hasValue("token-efficient-tools-2025-02-19,interleaved-thinking-2025-05-14");
        assertThat(sent.header("x-client-secret")).isEmpty();
        assertThat(sent.apiKey()).isEqualTo(Seeder.PROVIDER_CREDENTIAL);
    }

    @Test
    void a_streamed_message_without_a_version_header_goes_with_the_providers_version_and_the_clients_beta() {
        var caller = caller();
        var request = HttpRequest.newBuilder(URI.create(gateway() + "/v1/messages"))
                .header("Content-Type", "application/json")
                .header("x-api-key", caller.key().plaintext())
                .header("anthropic-beta", "fine-grained-tool-streaming-2025-05-14")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"" + caller.claude()
                        + "\",\"max_tokens\":64,\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}"))
                .build();

        String events;
        try (var http = HttpClient.newHttpClient()) {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            events = response.body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }

        assertThat(events).contains("event: message_stop");
        var sent = ANTHROPIC.receivedFor("claude-sonnet-4-5").getLast();
        assertThat(sent.body()).contains("\"stream\":true");
        assertThat(sent.version()).isEqualTo(FakeAnthropic.VERSION);
        assertThat(sent.header("anthropic-beta")).hasValue("fine-grained-tool-streaming-2025-05-14");
    }

    @Test
    void count_tokens_answers_the_gateways_count_for_a_subscribed_key_without_calling_or_billing() {
        var caller = caller();
        var count = client(caller).messages().countTokens(MessageCountTokensParams.builder().model(caller.claude())
                .system("You are a scientist").addUserMessage("Hello, Claude").build());
        var unsubscribed = catchThrowableOfType(NotFoundException.class, () -> client(caller).messages()
                .countTokens(MessageCountTokensParams.builder().model("no-such-model").addUserMessage("Hi").build()));
        var badKey = catchThrowableOfType(UnauthorizedException.class, () -> AnthropicOkHttpClient.builder()
                .apiKey("tg_wrongkey0000000000000000000000000").baseUrl(gateway()).maxRetries(0).build()
                .messages().countTokens(MessageCountTokensParams.builder().model(caller.claude())
                        .addUserMessage("Hi").build()));

        assertThat(count.inputTokens()).isEqualTo(tokens.countPrompt(
                new PromptText(List.of("You are a scientist", "Hello, Claude"), 2)));
        assertThat(unsubscribed.statusCode()).isEqualTo(404);
        assertThat(badKey.statusCode()).isEqualTo(401);
        int callsBefore = ANTHROPIC.receivedFor("claude-sonnet-4-5").size();
        // a metered request after the counts: once its event is written, the counts have written none
        client(caller).messages().create(MessageCreateParams.builder().model(caller.claude()).maxTokens(64)
                .addUserMessage("Hi").build());
        assertThat(events(caller.key().id(), 1)).singleElement().satisfies(event ->
                assertThat(event).containsEntry("status_code", 200).containsEntry("endpoint", "MESSAGES"));
        assertThat(ANTHROPIC.receivedFor("claude-sonnet-4-5")).hasSize(callsBefore + 1);
    }

    private Caller caller() {
        UUID tenant = SEEDER.tenant();
        UUID app = SEEDER.app(tenant);
        var key = SEEDER.key(tenant, app, null);
        UUID anthropic = SEEDER.anthropicProvider(ANTHROPIC.baseUrl());
        UUID openAi = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String claude = SEEDER.model(anthropic, "claude-sonnet-4-5", "3.00", "0.30", "15.00");
        String overloaded = SEEDER.model(anthropic, "claude-overloaded", "3.00", "0.30", "15.00");
        String gpt = SEEDER.model(openAi, "gpt-4o-2024-08-06", "2.50", "1.25", "10.00");
        String gptTools = SEEDER.model(openAi, "upstream-tool-call", "2.50", "1.25", "10.00");
        for (String model : List.of(claude, overloaded, gpt, gptTools)) {
            SEEDER.subscribe(tenant, app, model, "APPROVED");
        }
        awaitSnapshot(s -> s.keyByPrefix(key.prefix()).isPresent() && s.model(gptTools).isPresent()
                && s.approvedSubscription(app, s.model(gptTools).get().id()).isPresent());
        return new Caller(tenant, app, key, claude, gpt, gptTools, overloaded);
    }

    private String gateway() {
        return "http://localhost:" + port;
    }

    /** The SDK's default: the key in {@code x-api-key}. */
    private AnthropicClient client(Caller caller) {
        return AnthropicOkHttpClient.builder().apiKey(caller.key().plaintext()).baseUrl(gateway()).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    /** The key as {@code Authorization: Bearer}. */
    private AnthropicClient bearerClient(Caller caller) {
        return AnthropicOkHttpClient.builder().authToken(caller.key().plaintext()).baseUrl(gateway()).maxRetries(0)
                .timeout(Duration.ofSeconds(20)).build();
    }

    private HttpResponse<String> postMessages(String key, String body) {
        return postJson("/messages", key, body);
    }

    private static Tool tool(String name) {
        return Tool.builder().name(name).description(name + " of a place")
                .inputSchema(Tool.InputSchema.builder().properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("location", JsonValue.from(Map.of("type", "string"))).build())
                        .required(List.of("location")).build())
                .build();
    }

    private static String text(Message message) {
        return message.content().stream().flatMap(block -> block.text().stream()).map(t -> t.text())
                .collect(Collectors.joining());
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static String type(RawMessageStreamEvent event) {
        return event.isMessageStart() ? "message_start" : event.isContentBlockStart() ? "content_block_start"
                : event.isContentBlockDelta() ? "content_block_delta" : event.isContentBlockStop() ? "content_block_stop"
                : event.isMessageDelta() ? "message_delta" : event.isMessageStop() ? "message_stop" : "other";
    }
}
