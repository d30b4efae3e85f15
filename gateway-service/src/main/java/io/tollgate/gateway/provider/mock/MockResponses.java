package io.tollgate.gateway.provider.mock;

import io.tollgate.gateway.metering.TokenCounter;
import io.tollgate.gateway.provider.UpstreamRequest;
import io.tollgate.gateway.provider.openai.schema.ChatCompletion;
import io.tollgate.gateway.provider.openai.schema.ChatCompletionChunk;
import io.tollgate.gateway.provider.openai.schema.EmbeddingList;
import io.tollgate.gateway.provider.openai.schema.TextCompletion;
import io.tollgate.gateway.provider.openai.schema.Usage;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The mock's answers in OpenAI's wire format, built from the schema records. */
@Component
class MockResponses {

    private static final int DEFAULT_MAX_TOKENS = 64;
    /** Like OpenAI's prompt caching: beyond the first 1024 tokens, whole 128-token blocks count as cached. */
    private static final int CACHE_MINIMUM = 1024;
    private static final int CACHE_BLOCK = 128;

    private final JsonMapper json = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private final TokenCounter tokens;
    private final Clock clock;

    MockResponses(TokenCounter tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    byte[] complete(UpstreamRequest request, MockPrompt prompt, MockSettings settings) {
        JsonNode body = json.readTree(request.body());
        String model = request.upstreamModel();
        long created = clock.instant().getEpochSecond();
        return switch (request.endpoint()) {
            case CHAT, MESSAGES -> { // a Messages request reaches adapters in its canonical (chat) form
                var reply = reply(prompt, body);
                yield json.writeValueAsBytes(new ChatCompletion("chatcmpl-" + id(), "chat.completion", created, model,
                        List.of(new ChatCompletion.Choice(0, new ChatCompletion.Message("assistant", reply.text(),
                                null), null, reply.finishReason())),
                        Usage.of(usage(prompt, reply)), "tollgate-mock"));
            }
            case COMPLETIONS -> {
                var reply = reply(prompt, body);
                yield json.writeValueAsBytes(new TextCompletion("cmpl-" + id(), "text_completion", created, model,
                        List.of(new TextCompletion.Choice(reply.text(), 0, null, reply.finishReason())),
                        Usage.of(usage(prompt, reply))));
            }
            case EMBEDDINGS -> {
                List<EmbeddingList.Embedding> data = new ArrayList<>();
                JsonNode input = body.path("input");
                List<String> inputs = new ArrayList<>();
                if (input.isArray()) {
                    input.forEach(item -> inputs.add(item.isString() ? item.asString() : item.toString()));
                } else {
                    inputs.add(input.asString());
                }
                for (int i = 0; i < inputs.size(); i++) {
                    data.add(new EmbeddingList.Embedding("embedding", i, MockText.embedding(inputs.get(i), settings.dimensions())));
                }
                yield json.writeValueAsBytes(new EmbeddingList("list", data, model,
                        new EmbeddingList.EmbeddingUsage(prompt.tokens(), prompt.tokens())));
            }
        };
    }

    /** The stream's events, always ending with a usage chunk as a provider asked for it would send. */
    List<byte[]> stream(UpstreamRequest request, MockPrompt prompt) {
        JsonNode body = json.readTree(request.body());
        var reply = reply(prompt, body);
        List<String> pieces = reply.pieces();
        String id = id();
        String model = request.upstreamModel();
        long created = clock.instant().getEpochSecond();
        boolean chat = request.endpoint() == io.tollgate.gateway.pipeline.Endpoint.CHAT;
        List<Object> chunks = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            chunks.add(chat
                    ? new ChatCompletionChunk("chatcmpl-" + id, "chat.completion.chunk", created, model, List.of(
                    new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.Delta(i == 0 ? "assistant" : null, pieces.get(i)), null)), null)
                    : new TextCompletion("cmpl-" + id, "text_completion", created, model,
                    List.of(new TextCompletion.Choice(pieces.get(i), 0, null, null)), null));
        }
        chunks.add(chat
                ? new ChatCompletionChunk("chatcmpl-" + id, "chat.completion.chunk", created, model,
                List.of(new ChatCompletionChunk.Choice(0, new ChatCompletionChunk.Delta(null, null),
                        reply.finishReason())), null)
                : new TextCompletion("cmpl-" + id, "text_completion", created, model,
                List.of(new TextCompletion.Choice("", 0, null, reply.finishReason())), null));
        Usage usage = Usage.of(usage(prompt, reply));
        chunks.add(chat ? new ChatCompletionChunk("chatcmpl-" + id, "chat.completion.chunk", created, model, List.of(), usage)
                : new TextCompletion("cmpl-" + id, "text_completion", created, model, List.of(), usage));
        List<byte[]> events = new ArrayList<>(chunks.size() + 1);
        chunks.forEach(chunk -> events.add(event(json.writeValueAsString(chunk))));
        events.add(event("[DONE]"));
        return events;
    }

    private static TokenUsage usage(MockPrompt prompt, MockText.Reply reply) {
        long cached = prompt.tokens() > CACHE_MINIMUM ? (prompt.tokens() - CACHE_MINIMUM) / CACHE_BLOCK * CACHE_BLOCK : 0;
        return new TokenUsage(prompt.tokens(), reply.tokens(), cached, 0);
    }

    private MockText.Reply reply(MockPrompt prompt, JsonNode body) {
        return MockText.reply(prompt.text(), maxTokens(body), tokens::count);
    }

    private static int maxTokens(JsonNode body) {
        JsonNode max = body.has("max_completion_tokens") ? body.get("max_completion_tokens") : body.path("max_tokens");
        return max.isIntegralNumber() && max.asInt() > 0 ? max.asInt() : DEFAULT_MAX_TOKENS;
    }

    private static byte[] event(String data) {
        return ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String id() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString().replace("-", "").substring(0, 24);
    }
}
