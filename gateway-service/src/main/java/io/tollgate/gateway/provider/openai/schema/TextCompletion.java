package io.tollgate.gateway.provider.openai.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code object: "text_completion"}, a legacy completion or one event of its stream. */
public record TextCompletion(String id, String object, long created, String model, List<Choice> choices,
                             @Nullable Usage usage) {

    public record Choice(String text, int index, @Nullable Object logprobs, @Nullable String finishReason) {
    }
}
