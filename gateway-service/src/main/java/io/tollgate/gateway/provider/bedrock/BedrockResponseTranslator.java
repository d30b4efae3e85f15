package io.tollgate.gateway.provider.bedrock;

import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.bedrock.schema.ContentBlock;
import io.tollgate.gateway.provider.bedrock.schema.ConverseResponse;
import io.tollgate.gateway.provider.openai.schema.ChatCompletion;
import io.tollgate.gateway.provider.openai.schema.ToolCall;
import io.tollgate.gateway.provider.openai.schema.Usage;
import io.tollgate.model.common.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * A Converse response as an OpenAI {@code chat.completion}: text blocks are the content, {@code toolUse} blocks the
 * tool calls (in JSON mode the forced tool's input is the content), reasoning the {@code reasoning_content}, the stop reason a finish reason. Converse answers carry no
 * id or model: the reply's stamp gives them.
 */
final class BedrockResponseTranslator {

    private BedrockResponseTranslator() {
    }

    /** @param usage what the response reported; null when it had no usage (the gateway then counts) */
    record Translated(byte[] body, @Nullable TokenUsage usage, String generatedText) {
    }

    /** Throws {@link UpstreamErrors#invalidResponse()} when the body is no Converse response. */
    static Translated translate(byte[] body, boolean jsonMode, String id, long created, String model) {
        ConverseResponse response;
        try {
            response = BedrockJson.BEDROCK.readValue(body, ConverseResponse.class);
        } catch (JacksonException e) {
            throw UpstreamErrors.invalidResponse();
        }
        if (response == null || response.output() == null || response.output().message() == null) {
            throw UpstreamErrors.invalidResponse();
        }
        var text = new StringBuilder();
        var reasoning = new StringBuilder();
        List<ToolCall> toolCalls = new ArrayList<>();
        for (ContentBlock block : response.output().message().content()) {
            if (block.text() != null) {
                text.append(block.text());
            } else if (block.toolUse() != null) {
                var use = block.toolUse();
                String input = use.input() == null ? "{}" : BedrockJson.BEDROCK.writeValueAsString(use.input());
                if (jsonMode && BedrockRequestTranslator.JSON_TOOL.equals(use.name())) {
                    text.append(input);
                } else {
                    toolCalls.add(new ToolCall(null, use.toolUseId(), "function", new ToolCall.Function(use.name(), input)));
                }
            } else if (block.reasoningContent() != null && block.reasoningContent().reasoningText() != null
                    && block.reasoningContent().reasoningText().text() != null) {
                reasoning.append(block.reasoningContent().reasoningText().text());
            }
        }
        @Nullable TokenUsage usage = response.usage() == null ? null : BedrockUsage.of(response.usage());
        String content = text.isEmpty() && !toolCalls.isEmpty() ? null : text.toString();
        var message = new ChatCompletion.Message("assistant", content, null, toolCalls,
                reasoning.isEmpty() ? null : reasoning.toString());
        var completion = new ChatCompletion(id, "chat.completion", created, model,
                List.of(new ChatCompletion.Choice(0, message, null,
                        BedrockFinishReasons.of(response.stopReason(), !toolCalls.isEmpty()))),
                usage == null ? null : Usage.of(usage), null);
        var generated = new StringBuilder(reasoning).append(text);
        toolCalls.forEach(call -> generated.append(call.function().name()).append(call.function().arguments()));
        return new Translated(BedrockJson.OPENAI.writeValueAsBytes(completion), usage, generated.toString());
    }
}
