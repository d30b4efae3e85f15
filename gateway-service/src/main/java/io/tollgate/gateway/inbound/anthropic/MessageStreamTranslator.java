package io.tollgate.gateway.inbound.anthropic;

import io.tollgate.gateway.provider.ProviderStream;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.openai.schema.ChatCompletionChunk;
import io.tollgate.gateway.provider.openai.schema.ToolCall;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * A canonical stream (OpenAI {@code chat.completion.chunk} events) as Anthropic's Messages events: the first chunk
 * opens the message ({@code message_start}, then a {@code ping}); reasoning, text and each tool call become content
 * blocks ({@code content_block_start}, {@code thinking_delta}/{@code text_delta}/{@code input_json_delta} deltas,
 * {@code content_block_stop}); the end ({@code [DONE]}, or the stream's completion) closes the last block and sends
 * {@code message_delta} with the stop reason and the provider's usage, then {@code message_stop}. OpenAI reports usage
 * only at the end, so {@code message_start} carries zero tokens and {@code message_delta} the whole count.
 */
final class MessageStreamTranslator {

    private final ProviderStream.Usage usage;
    private final Map<Integer, Integer> blockByCall = new HashMap<>();
    private String model;
    private boolean started;
    private boolean finished;
    private int blocks;
    private @Nullable String openType;
    private String stopReason = StopReasons.of(null);

    /**
     * @param usage what the canonical stream reports, read when the message ends
     * @param model the model to name until the provider names its own
     */
    MessageStreamTranslator(ProviderStream.Usage usage, String model) {
        this.usage = usage;
        this.model = model;
    }

    /** The Anthropic events for one canonical event (often one, none for an empty delta). */
    List<byte[]> accept(byte[] event) {
        String data = data(event);
        if (data == null) {
            return List.of();
        }
        if (data.equals("[DONE]")) {
            return finish();
        }
        ChatCompletionChunk chunk;
        try {
            chunk = InboundJson.CANONICAL.readValue(data, ChatCompletionChunk.class);
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
        List<byte[]> out = new ArrayList<>(2);
        if (chunk == null || finished) {
            return out;
        }
        start(chunk.id(), chunk.model(), out);
        if (chunk.choices() == null) {
            return out;
        }
        for (var choice : chunk.choices()) {
            if (choice.index() != 0) {
                continue;
            }
            var delta = choice.delta();
            if (delta != null) {
                delta(delta, out);
            }
            if (choice.finishReason() != null) {
                stopReason = StopReasons.of(choice.finishReason());
            }
        }
        return out;
    }

    private void delta(ChatCompletionChunk.Delta delta, List<byte[]> out) {
        if (delta.reasoningContent() != null && !delta.reasoningContent().isEmpty()) {
            if (!"thinking".equals(openType)) {
                open(block("thinking").put("thinking", "").put("signature", ""), out);
            }
            out.add(blockDelta(blocks - 1, "thinking_delta", "thinking", delta.reasoningContent()));
        }
        if (delta.content() != null && !delta.content().isEmpty()) {
            if (!"text".equals(openType)) {
                open(block("text").put("text", ""), out);
            }
            out.add(blockDelta(blocks - 1, "text_delta", "text", delta.content()));
        }
        if (delta.toolCalls() != null) {
            for (ToolCall call : delta.toolCalls()) {
                int index = call.index() == null ? 0 : call.index();
                if (call.id() != null) {
                    var toolUse = block("tool_use").put("id", call.id())
                            .put("name", call.function() == null ? "" : call.function().name());
                    toolUse.putObject("input");
                    open(toolUse, out);
                    blockByCall.put(index, blocks - 1);
                }
                Integer block = blockByCall.get(index);
                String arguments = call.function() == null ? null : call.function().arguments();
                if (block != null && arguments != null && !arguments.isEmpty()) {
                    out.add(blockDelta(block, "input_json_delta", "partial_json", arguments));
                }
            }
        }
    }

    /** Closes the open block and the message; nothing when the message has ended already. */
    List<byte[]> finish() {
        if (finished) {
            return List.of();
        }
        List<byte[]> out = new ArrayList<>(4);
        start("", model, out);
        close(out);
        finished = true;
        ObjectNode delta = InboundJson.CLIENT.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", stopReason).putNull("stop_sequence");
        delta.set("usage", MessageReplyTranslator.usage(usage.reported().orElse(null)));
        out.add(event("message_delta", delta));
        out.add(event("message_stop", InboundJson.CLIENT.createObjectNode().put("type", "message_stop")));
        return out;
    }

    private void start(@Nullable String id, @Nullable String providerModel, List<byte[]> out) {
        if (started) {
            return;
        }
        started = true;
        if (providerModel != null && !providerModel.isEmpty()) {
            model = providerModel;
        }
        ObjectNode start = InboundJson.CLIENT.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", id == null ? "" : id).put("type", "message")
                .put("role", "assistant").put("model", model);
        message.putArray("content");
        message.putNull("stop_reason");
        message.putNull("stop_sequence");
        message.set("usage", MessageReplyTranslator.usage(null));
        out.add(event("message_start", start));
        out.add(event("ping", InboundJson.CLIENT.createObjectNode().put("type", "ping")));
    }

    private static ObjectNode block(String type) {
        return InboundJson.CLIENT.createObjectNode().put("type", type);
    }

    private void open(ObjectNode block, List<byte[]> out) {
        close(out);
        ObjectNode start = InboundJson.CLIENT.createObjectNode().put("type", "content_block_start")
                .put("index", blocks);
        start.set("content_block", block);
        out.add(event("content_block_start", start));
        openType = block.path("type").asString();
        blocks++;
    }

    private void close(List<byte[]> out) {
        if (openType == null) {
            return;
        }
        out.add(event("content_block_stop", InboundJson.CLIENT.createObjectNode()
                .put("type", "content_block_stop").put("index", blocks - 1)));
        openType = null;
    }

    private static byte[] blockDelta(int index, String type, String field, String value) {
        ObjectNode event = InboundJson.CLIENT.createObjectNode().put("type", "content_block_delta").put("index", index);
        event.putObject("delta").put("type", type).put(field, value);
        return event("content_block_delta", event);
    }

    private static byte[] event(String type, ObjectNode data) {
        var out = new ByteArrayOutputStream(160);
        out.writeBytes(("event: " + type + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(InboundJson.CLIENT.writeValueAsBytes(data));
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The data of a canonical event, null when it has none. */
    private static @Nullable String data(byte[] event) {
        String text = new String(event, StandardCharsets.UTF_8);
        int data = text.indexOf("data:");
        if (data < 0) {
            return null;
        }
        int end = text.indexOf('\n', data);
        return (end < 0 ? text.substring(data + 5) : text.substring(data + 5, end)).strip();
    }
}
