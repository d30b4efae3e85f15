package io.tollgate.gateway.provider.anthropic;

import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.openai.ChatChunkWriter;
import io.tollgate.model.common.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One Messages stream as OpenAI {@code chat.completion.chunk} events: {@code message_start} opens the assistant's
 * message, text deltas are content, a {@code tool_use} block is a tool call whose {@code input_json_delta}s are its
 * arguments (in JSON mode the forced tool's input is the content), thinking deltas are {@code reasoning_content},
 * {@code message_delta} gives the finish reason and the final usage; {@code message_stop} ends the stream with a usage
 * chunk when the client asked for one, then {@code [DONE]}. {@code ping} is dropped; an {@code error} event fails the
 * stream with the matching rejection. Runs for every event of every translated stream: each event is read by a
 * streaming parser ({@link AnthropicEventReader}) and each chunk written from bytes encoded once per stream
 * ({@link ChatChunkWriter}).
 */
public final class AnthropicStreamTranslator implements ProviderStream.Usage {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CONTENT = ChatChunkWriter.quotedName("content");
    private static final byte[] REASONING = ChatChunkWriter.quotedName("reasoning_content");

    private final boolean clientWantsUsage;
    private final boolean jsonMode;
    private final long created;
    private final AnthropicUsage counts = new AnthropicUsage();
    private final Map<Integer, Integer> toolCallByBlock = new HashMap<>();
    private final Set<Integer> jsonBlocks = new HashSet<>();
    private final StringBuilder generated = new StringBuilder(256);
    private final AnthropicEventReader event = new AnthropicEventReader();
    private final ChatChunkWriter chunks;
    private @Nullable String model;
    private boolean usageFinal;

    public AnthropicStreamTranslator(boolean clientWantsUsage, boolean jsonMode, long created, String model) {
        this.clientWantsUsage = clientWantsUsage;
        this.jsonMode = jsonMode;
        this.created = created;
        this.model = model;
        this.chunks = new ChatChunkWriter("", created, model, true);
    }

    /** The OpenAI events for one Anthropic event (often none or one). */
    public List<byte[]> accept(byte[] data) {
        if (!event.read(data)) {
            return List.of();
        }
        return switch (event.type) {
            case "message_start" -> started();
            case "content_block_start" -> blockStarted();
            case "content_block_delta" -> delta();
            case "message_delta" -> messageDelta();
            case "message_stop" -> clientWantsUsage && usageFinal
                    ? List.of(chunks.usage(counts.tokens()), DONE) : List.of(DONE);
            case "error" -> throw AnthropicErrors.streamed(event.error).asException();
            default -> List.of(); // ping, content_block_stop, and event types added later
        };
    }

    private List<byte[]> started() {
        if (event.hasMessage) {
            model = event.messageModel != null ? event.messageModel : model;
            chunks.stamp(event.messageId, created, model);
            counts.update(event.usage);
        }
        return List.of(chunks.text(0, true, CONTENT, ""));
    }

    private List<byte[]> blockStarted() {
        if (event.blockType == null) {
            return List.of();
        }
        return switch (event.blockType) {
            case "tool_use" -> {
                if (jsonMode && AnthropicRequestTranslator.JSON_TOOL.equals(event.blockName)) {
                    jsonBlocks.add(event.index);
                    yield List.of();
                }
                int call = toolCallByBlock.size();
                toolCallByBlock.put(event.index, call);
                String id = event.blockId;
                String name = event.blockName;
                yield List.of(chunks.delta(0, json -> {
                    json.writeStartObject();
                    json.writeArrayPropertyStart("tool_calls");
                    json.writeStartObject();
                    json.writeNumberProperty("index", call);
                    if (id != null) {
                        json.writeStringProperty("id", id);
                    }
                    json.writeStringProperty("type", "function");
                    json.writeObjectPropertyStart("function");
                    if (name != null) {
                        json.writeStringProperty("name", name);
                    }
                    json.writeStringProperty("arguments", "");
                    json.writeEndObject();
                    json.writeEndObject();
                    json.writeEndArray();
                    json.writeEndObject();
                }));
            }
            case "text" -> text(event.blockText);
            default -> List.of();
        };
    }

    private List<byte[]> delta() {
        if (event.deltaType == null) {
            return List.of();
        }
        return switch (event.deltaType) {
            case "text_delta" -> text(event.text);
            case "thinking_delta" -> {
                String thinking = event.thinking;
                if (thinking == null || thinking.isEmpty()) {
                    yield List.of();
                }
                generated.append(thinking);
                yield List.of(chunks.text(0, false, REASONING, thinking));
            }
            case "input_json_delta" -> {
                String fragment = event.partialJson;
                if (fragment == null || fragment.isEmpty()) {
                    yield List.of();
                }
                if (jsonBlocks.contains(event.index)) {
                    yield text(fragment);
                }
                Integer call = toolCallByBlock.get(event.index);
                if (call == null) {
                    yield List.of();
                }
                generated.append(fragment);
                yield List.of(chunks.delta(0, json -> {
                    json.writeStartObject();
                    json.writeArrayPropertyStart("tool_calls");
                    json.writeStartObject();
                    json.writeNumberProperty("index", call);
                    json.writeObjectPropertyStart("function");
                    json.writeStringProperty("arguments", fragment);
                    json.writeEndObject();
                    json.writeEndObject();
                    json.writeEndArray();
                    json.writeEndObject();
                }));
            }
            default -> List.of(); // signature and citation deltas have no OpenAI counterpart
        };
    }

    private List<byte[]> messageDelta() {
        counts.update(event.usage);
        usageFinal = true;
        if (event.stopReason == null) {
            return List.of();
        }
        return List.of(chunks.finish(0, false,
                AnthropicResponseTranslator.finishReason(event.stopReason, !toolCallByBlock.isEmpty())));
    }

    private List<byte[]> text(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        generated.append(text);
        return List.of(chunks.text(0, false, CONTENT, text));
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
