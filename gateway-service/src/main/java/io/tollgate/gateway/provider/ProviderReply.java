package io.tollgate.gateway.provider;

import io.tollgate.model.common.TokenUsage;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A provider's successful answer to a non-streaming call, in OpenAI's shape.
 *
 * @param usage         what the provider reported, null when it reported nothing
 * @param generatedText the answer's text, for counting tokens when the provider reported no usage ('' otherwise)
 */
public record ProviderReply(byte[] body, @Nullable TokenUsage usage, String generatedText) {

    public static ProviderReply of(byte[] body, Optional<TokenUsage> usage, Supplier<String> text) {
        return usage.map(reported -> new ProviderReply(body, reported, ""))
                .orElseGet(() -> new ProviderReply(body, null, text.get()));
    }

    public Optional<TokenUsage> reportedUsage() {
        return Optional.ofNullable(usage);
    }
}
