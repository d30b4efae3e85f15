package io.tollgate.gateway.provider.anthropic;

import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.openai.schema.ChatCompletion;
import io.tollgate.gateway.provider.openai.schema.ToolCall;
import io.tollgate.gateway.provider.openai.schema.Usage;
import io.tollgate.gateway.wire.anthropic.ContentBlock;
import io.tollgate.gateway.wire.anthropic.MessagesResponse;
import io.tollgate.model.common.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * A Messages response as an OpenAI {@code chat.completion}: text blocks are the content, {@code tool_use} blocks the
 * tool calls (in JSON mode the forced tool's input is the content), thinking the {@code reasoning_content}, the stop
 * reason a finish reason.
 */
final class AnthropicResponseTranslator {

    private AnthropicResponseTranslator() {
    }

    /** @param usage what the response reported; null when it had no usage block (the gateway then counts) */
    record Translated(byte[] body, @Nullable TokenUsage usage, String generatedText) {
    }

    /** Throws {@link UpstreamErrors#invalidResponse()} when the body is no Messages response. */
    static Translated translate(byte[] body, boolean jsonMode, long created) {
        MessagesResponse response;
        try {
            response = AnthropicJson.ANTHROPIC.readValue(body, MessagesResponse.class);
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
        if (response == null || !"message".equals(response.type()) || response.content() == null) {
            throw UpstreamErrors.invalidResponse();
        }
        var text = new StringBuilder();
        var thinking = new StringBuilder();
        List<ToolCall> toolCalls = new ArrayList<>();
        for (ContentBlock block : response.content()) {
            switch (block.type()) {
                case "text" -> text.append(block.text() == null ? "" : block.text());
                case "thinking" -> thinking.append(block.thinking() == null ? "" : block.thinking());
                case "tool_use" -> {
                    String input = AnthropicJson.ANTHROPIC.writeValueAsString(block.input());
                    if (jsonMode && AnthropicRequestTranslator.JSON_TOOL.equals(block.name())) {
                        text.append(input);
                    } else {
                        toolCalls.add(new ToolCall(null, block.id(), "function", new ToolCall.Function(block.name(), input)));
                    }
                }
                default -> {
                    // redacted thinking and server tool blocks have no OpenAI counterpart
                }
            }
        }
        @Nullable TokenUsage usage = response.usage() == null ? null : AnthropicUsage.of(response.usage());
        String content = text.isEmpty() && !toolCalls.isEmpty() ? null : text.toString();
        var message = new ChatCompletion.Message("assistant", content, null, toolCalls,
                thinking.isEmpty() ? null : thinking.toString());
        var completion = new ChatCompletion(response.id(), "chat.completion", created, response.model(),
                List.of(new ChatCompletion.Choice(0, message, null, finishReason(response.stopReason(), !toolCalls.isEmpty()))),
                usage == null ? null : Usage.of(usage), null);
        var generated = new StringBuilder(thinking).append(text);
        toolCalls.forEach(call -> generated.append(call.function().arguments()));
        return new Translated(AnthropicJson.OPENAI.writeValueAsBytes(completion), usage, generated.toString());
    }

    /** Anthropic's stop reason as OpenAI's finish reason. */
    static String finishReason(@Nullable String stopReason, boolean calledTools) {
        return switch (stopReason == null ? "" : stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> calledTools ? "tool_calls" : "stop";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }
}
