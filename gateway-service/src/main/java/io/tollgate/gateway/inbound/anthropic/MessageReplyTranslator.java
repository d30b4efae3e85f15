package io.tollgate.gateway.inbound.anthropic;

import io.tollgate.gateway.provider.ProviderReply;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.openai.schema.ChatCompletion;
import io.tollgate.gateway.provider.openai.schema.ToolCall;
import io.tollgate.model.common.TokenUsage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A canonical answer (an OpenAI {@code chat.completion}) as an Anthropic message: the reasoning as a thinking block,
 * the content as a text block, each tool call as a {@code tool_use} block with its arguments as the input, the finish
 * reason as the stop reason, and the provider's usage in Anthropic's terms (input without the cache reads and writes).
 */
final class MessageReplyTranslator {

    private MessageReplyTranslator() {
    }

    /** The same reply with its body an Anthropic message; a body that is no chat completion is a 502. */
    static ProviderReply translate(ProviderReply reply) {
        ChatCompletion completion;
        try {
            completion = InboundJson.CANONICAL.readValue(reply.body(), ChatCompletion.class);
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
        if (completion == null || completion.choices() == null || completion.choices().isEmpty()
                || completion.choices().getFirst().message() == null) {
            throw UpstreamErrors.invalidResponse();
        }
        var choice = completion.choices().getFirst();
        var message = choice.message();
        ObjectNode out = InboundJson.CLIENT.createObjectNode()
                .put("id", completion.id()).put("type", "message").put("role", "assistant")
                .put("model", completion.model());
        ArrayNode content = out.putArray("content");
        if (message.reasoningContent() != null && !message.reasoningContent().isEmpty()) {
            content.addObject().put("type", "thinking").put("thinking", message.reasoningContent())
                    .put("signature", "");
        }
        if (message.content() != null && !message.content().isEmpty()) {
            content.addObject().put("type", "text").put("text", message.content());
        }
        if (message.toolCalls() != null) {
            for (ToolCall call : message.toolCalls()) {
                content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.function().name())
                        .set("input", input(call.function().arguments()));
            }
        }
        out.put("stop_reason", StopReasons.of(choice.finishReason()));
        out.putNull("stop_sequence");
        out.set("usage", usage(reply.reportedUsage().orElse(null)));
        return new ProviderReply(InboundJson.CLIENT.writeValueAsBytes(out), reply.usage(), reply.generatedText());
    }

    /** A tool call's arguments as the object Anthropic's input is; arguments that are no object are a 502. */
    static JsonNode input(@Nullable String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return InboundJson.CLIENT.createObjectNode();
        }
        try {
            JsonNode input = InboundJson.CLIENT.readTree(arguments);
            if (input.isObject()) {
                return input;
            }
        } catch (JacksonException e) {
            // below
        }
        throw UpstreamErrors.invalidResponse();
    }

    /**
     * Anthropic's usage block: {@code input_tokens} leaves out the cache reads and writes, which have fields of their
     * own. Zero where the provider reported nothing (the usage event then holds the gateway's count, marked estimated).
     */
    static ObjectNode usage(@Nullable TokenUsage usage) {
        var tokens = usage == null ? TokenUsage.ZERO : usage;
        return InboundJson.CLIENT.createObjectNode()
                .put("input_tokens", tokens.plainPromptTokens())
                .put("output_tokens", tokens.completionTokens())
                .put("cache_read_input_tokens", tokens.cachedPromptTokens())
                .put("cache_creation_input_tokens", tokens.cacheWriteTokens());
    }
}
