package io.tollgate.gateway.provider.anthropic;

import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.openai.schema.ChatCompletionChunk;
import io.tollgate.gateway.provider.openai.schema.ToolCall;
import io.tollgate.gateway.provider.openai.schema.Usage;
import io.tollgate.gateway.wire.anthropic.ContentBlock;
import io.tollgate.gateway.wire.anthropic.StreamEvent;
import io.tollgate.model.common.TokenUsage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * One Messages stream as OpenAI {@code chat.completion.chunk} events: {@code message_start} opens the assistant's
 * message, text deltas are content, a {@code tool_use} block is a tool call whose {@code input_json_delta}s are its
 * arguments (in JSON mode the forced tool's input is the content), thinking deltas are {@code reasoning_content},
 * {@code message_delta} gives the finish reason and the final usage; {@code message_stop} ends the stream with a usage
 * chunk when the client asked for one, then {@code [DONE]}. {@code ping} is dropped; an {@code error} event fails the
 * stream with the matching rejection.
 */
public final class AnthropicStreamTranslator implements ProviderStream.Usage {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final boolean clientWantsUsage;
    private final boolean jsonMode;
    private final long created;
    private final AnthropicUsage counts = new AnthropicUsage();
    private final Map<Integer, Integer> toolCallByBlock = new HashMap<>();
    private final Set<Integer> jsonBlocks = new HashSet<>();
    private final StringBuilder generated = new StringBuilder(256);
    private String id = "";
    private String model;
    private boolean usageFinal;

    public AnthropicStreamTranslator(boolean clientWantsUsage, boolean jsonMode, long created, String model) {
        this.clientWantsUsage = clientWantsUsage;
        this.jsonMode = jsonMode;
        this.created = created;
        this.model = model;
    }

    /** The OpenAI events for one Anthropic event (often none or one). */
    public List<byte[]> accept(byte[] event) {
        StreamEvent parsed = parse(event);
        if (parsed == null) {
            return List.of();
        }
        return switch (parsed.type()) {
            case "message_start" -> started(parsed);
            case "content_block_start" -> blockStarted(parsed);
            case "content_block_delta" -> delta(parsed);
            case "message_delta" -> messageDelta(parsed);
            case "message_stop" -> clientWantsUsage && usageFinal
                    ? List.of(chunk(List.of(), Usage.of(counts.tokens())), DONE) : List.of(DONE);
            case "error" -> throw AnthropicErrors.streamed(parsed.error()).asException();
            default -> List.of(); // ping, content_block_stop, and event types added later
        };
    }

    private List<byte[]> started(StreamEvent event) {
        var message = event.message();
        if (message != null) {
            id = message.id();
            model = message.model() != null ? message.model() : model;
            counts.update(message.usage());
        }
        return List.of(event(new ChatCompletionChunk.Delta("assistant", ""), null));
    }

    private List<byte[]> blockStarted(StreamEvent event) {
        ContentBlock block = event.contentBlock();
        int index = event.index() == null ? 0 : event.index();
        if (block == null) {
            return List.of();
        }
        return switch (block.type()) {
            case "tool_use" -> {
                if (jsonMode && AnthropicRequestTranslator.JSON_TOOL.equals(block.name())) {
                    jsonBlocks.add(index);
                    yield List.of();
                }
                int call = toolCallByBlock.size();
                toolCallByBlock.put(index, call);
                yield List.of(event(toolCall(new ToolCall(call, block.id(), "function",
                        new ToolCall.Function(block.name(), ""))), null));
            }
            case "text" -> text(block.text());
            default -> List.of();
        };
    }

    private List<byte[]> delta(StreamEvent event) {
        var delta = event.delta();
        int index = event.index() == null ? 0 : event.index();
        if (delta == null || delta.type() == null) {
            return List.of();
        }
        return switch (delta.type()) {
            case "text_delta" -> text(delta.text());
            case "thinking_delta" -> {
                if (delta.thinking() == null || delta.thinking().isEmpty()) {
                    yield List.of();
                }
                generated.append(delta.thinking());
                yield List.of(event(new ChatCompletionChunk.Delta(null, null, null, delta.thinking()), null));
            }
            case "input_json_delta" -> {
                String fragment = delta.partialJson();
                if (fragment == null || fragment.isEmpty()) {
                    yield List.of();
                }
                if (jsonBlocks.contains(index)) {
                    yield text(fragment);
                }
                Integer call = toolCallByBlock.get(index);
                if (call == null) {
                    yield List.of();
                }
                generated.append(fragment);
                yield List.of(event(toolCall(new ToolCall(call, null, null, new ToolCall.Function(null, fragment))), null));
            }
            default -> List.of(); // signature and citation deltas have no OpenAI counterpart
        };
    }

    private List<byte[]> messageDelta(StreamEvent event) {
        counts.update(event.usage());
        usageFinal = true;
        String stopReason = event.delta() == null ? null : event.delta().stopReason();
        if (stopReason == null) {
            return List.of();
        }
        return List.of(event(new ChatCompletionChunk.Delta(null, null),
                AnthropicResponseTranslator.finishReason(stopReason, !toolCallByBlock.isEmpty())));
    }

    private List<byte[]> text(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        generated.append(text);
        return List.of(event(new ChatCompletionChunk.Delta(null, text), null));
    }

    private static ChatCompletionChunk.Delta toolCall(ToolCall call) {
        return new ChatCompletionChunk.Delta(null, null, List.of(call), null);
    }

    private byte[] event(ChatCompletionChunk.Delta delta, @Nullable String finishReason) {
        return chunk(List.of(new ChatCompletionChunk.Choice(0, delta, finishReason)), null);
    }

    private byte[] chunk(List<ChatCompletionChunk.Choice> choices, @Nullable Usage usage) {
        var out = new ByteArrayOutputStream(160);
        out.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(AnthropicJson.OPENAI.writeValueAsBytes(
                new ChatCompletionChunk(id, "chat.completion.chunk", created, model, choices, usage)));
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The event's data as a stream event; null for an event without data. */
    static @Nullable StreamEvent parse(byte[] event) {
        String text = new String(event, StandardCharsets.UTF_8);
        int data = text.indexOf("data:");
        if (data < 0) {
            return null;
        }
        int end = text.indexOf('\n', data);
        String payload = (end < 0 ? text.substring(data + 5) : text.substring(data + 5, end)).strip();
        try {
            var parsed = AnthropicJson.ANTHROPIC.readValue(payload, StreamEvent.class);
            if (parsed == null || parsed.type() == null) {
                throw UpstreamErrors.invalidResponse();
            }
            return parsed;
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
    }

    /** The usage once {@code message_delta} has given the final counts. */
    @Override
    public Optional<TokenUsage> reported() {
        return usageFinal ? Optional.of(counts.tokens()) : Optional.empty();
    }

    @Override
    public String generatedText() {
        return generated.toString();
    }
}
