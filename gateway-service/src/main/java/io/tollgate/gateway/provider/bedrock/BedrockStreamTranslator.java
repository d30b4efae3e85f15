package io.tollgate.gateway.provider.bedrock;

import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.bedrock.schema.StreamEvent;
import io.tollgate.gateway.provider.openai.schema.ChatCompletionChunk;
import io.tollgate.gateway.provider.openai.schema.ToolCall;
import io.tollgate.gateway.provider.openai.schema.Usage;
import io.tollgate.model.common.TokenUsage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;
import tools.jackson.core.JacksonException;

/**
 * One ConverseStream answer ({@code application/vnd.amazon.eventstream} frames, decoded by the AWS SDK's codec) as
 * OpenAI {@code chat.completion.chunk} events: {@code messageStart} opens the assistant's message, text deltas are
 * content, a {@code toolUse} block start is a tool call whose input deltas are its arguments (in JSON mode the forced
 * tool's input deltas are content), reasoning deltas are
 * {@code reasoning_content}, {@code messageStop} gives the finish reason and {@code metadata} (sent after it) the
 * usage. When the stream ends: the usage chunk (if the client asked for it) and {@code [DONE]}. An exception event
 * fails the stream with the matching rejection.
 */
final class BedrockStreamTranslator implements ProviderStream.Usage {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private final String id;
    private final long created;
    private final String model;
    private final boolean clientWantsUsage;
    private final boolean jsonMode;
    private final Set<Integer> jsonBlocks = new HashSet<>();
    private final List<Message> decoded = new ArrayList<>(4);
    private final MessageDecoder decoder = new MessageDecoder(decoded::add);
    private final Map<Integer, Integer> toolCallByBlock = new HashMap<>();
    private final StringBuilder generated = new StringBuilder(256);
    private @Nullable TokenUsage usage;

    BedrockStreamTranslator(String id, long created, String model, boolean clientWantsUsage, boolean jsonMode) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.clientWantsUsage = clientWantsUsage;
        this.jsonMode = jsonMode;
    }

    /** The OpenAI events for the frames these bytes complete (a frame may span several network reads). */
    List<byte[]> accept(byte[] bytes) {
        try {
            decoder.feed(bytes);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw UpstreamErrors.invalidResponse(); // a frame whose length or checksum does not hold
        }
        if (decoded.isEmpty()) {
            return List.of();
        }
        List<byte[]> events = new ArrayList<>(decoded.size());
        for (Message message : decoded) {
            events.addAll(translate(message));
        }
        decoded.clear();
        return events;
    }

    /** What follows the last frame: the usage chunk when the client asked for one, and {@code [DONE]}. */
    List<byte[]> end() {
        return clientWantsUsage && usage != null
                ? List.of(chunk(List.of(), Usage.of(usage)), DONE) : List.of(DONE);
    }

    private List<byte[]> translate(Message message) {
        String messageType = header(message, ":message-type");
        if ("exception".equals(messageType)) {
            throw BedrockErrors.streamed(String.valueOf(header(message, ":exception-type")),
                    parse(message).message()).asException();
        }
        if ("error".equals(messageType)) {
            throw BedrockErrors.streamed(String.valueOf(header(message, ":error-code")),
                    header(message, ":error-message")).asException();
        }
        String eventType = header(message, ":event-type");
        return switch (eventType == null ? "" : eventType) {
            case "messageStart" -> List.of(event(new ChatCompletionChunk.Delta("assistant", ""), null));
            case "contentBlockStart" -> blockStarted(parse(message));
            case "contentBlockDelta" -> delta(parse(message));
            case "messageStop" -> List.of(event(new ChatCompletionChunk.Delta(null, null),
                    BedrockFinishReasons.of(parse(message).stopReason(), !toolCallByBlock.isEmpty())));
            case "metadata" -> {
                var reported = parse(message).usage();
                if (reported != null) {
                    usage = BedrockUsage.of(reported);
                }
                yield List.of();
            }
            default -> List.of(); // contentBlockStop, and event types added later
        };
    }

    private List<byte[]> blockStarted(StreamEvent event) {
        var toolUse = event.start() == null ? null : event.start().toolUse();
        if (toolUse == null) {
            return List.of();
        }
        if (jsonMode && BedrockRequestTranslator.JSON_TOOL.equals(toolUse.name())) {
            jsonBlocks.add(blockIndex(event));
            return List.of();
        }
        int call = toolCallByBlock.size();
        toolCallByBlock.put(blockIndex(event), call);
        generated.append(toolUse.name());
        return List.of(event(toolCall(new ToolCall(call, toolUse.toolUseId(), "function",
                new ToolCall.Function(toolUse.name(), ""))), null));
    }

    private List<byte[]> delta(StreamEvent event) {
        var delta = event.delta();
        if (delta == null) {
            return List.of();
        }
        if (delta.text() != null && !delta.text().isEmpty()) {
            generated.append(delta.text());
            return List.of(event(new ChatCompletionChunk.Delta(null, delta.text()), null));
        }
        if (delta.toolUse() != null && delta.toolUse().input() != null && !delta.toolUse().input().isEmpty()) {
            if (jsonBlocks.contains(blockIndex(event))) {
                generated.append(delta.toolUse().input());
                return List.of(event(new ChatCompletionChunk.Delta(null, delta.toolUse().input()), null));
            }
            Integer call = toolCallByBlock.get(blockIndex(event));
            if (call == null) {
                return List.of();
            }
            generated.append(delta.toolUse().input());
            return List.of(event(toolCall(new ToolCall(call, null, null,
                    new ToolCall.Function(null, delta.toolUse().input()))), null));
        }
        if (delta.reasoningContent() != null && delta.reasoningContent().text() != null
                && !delta.reasoningContent().text().isEmpty()) {
            generated.append(delta.reasoningContent().text());
            return List.of(event(new ChatCompletionChunk.Delta(null, null, null, delta.reasoningContent().text()), null));
        }
        return List.of(); // reasoning signatures and citations have no OpenAI counterpart
    }

    private static int blockIndex(StreamEvent event) {
        return event.contentBlockIndex() == null ? 0 : event.contentBlockIndex();
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
        out.writeBytes(BedrockJson.OPENAI.writeValueAsBytes(
                new ChatCompletionChunk(id, "chat.completion.chunk", created, model, choices, usage)));
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static @Nullable String header(Message message, String name) {
        HeaderValue value = message.getHeaders().get(name);
        return value == null ? null : value.getString();
    }

    private static StreamEvent parse(Message message) {
        try {
            var event = BedrockJson.BEDROCK.readValue(message.getPayload(), StreamEvent.class);
            if (event == null) {
                throw UpstreamErrors.invalidResponse();
            }
            return event;
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
    }

    @Override
    public Optional<TokenUsage> reported() {
        return Optional.ofNullable(usage);
    }

    @Override
    public String generatedText() {
        return generated.toString();
    }
}
