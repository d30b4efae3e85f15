package io.tollgate.gateway.provider.openai.schema;

import java.util.List;

/** {@code object: "chat.completion"}. */
public record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage,
                             String systemFingerprint) {

    public record Choice(int index, Message message, Object logprobs, String finishReason) {
    }

    public record Message(String role, String content, Object refusal) {
    }
}
