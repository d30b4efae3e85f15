package io.tollgate.gateway.provider.gemini.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The answer of generateContent, and each event of streamGenerateContent. */
public record GenerateContentResponse(@Nullable List<Candidate> candidates, @Nullable PromptFeedback promptFeedback,
                                      @Nullable UsageMetadata usageMetadata) {

    /** {@code finishReason} STOP, MAX_TOKENS, SAFETY, RECITATION, ... (absent until the candidate is finished). */
    public record Candidate(@Nullable Content content, @Nullable String finishReason, @Nullable Integer index) {
    }

    /** Set when the prompt itself was blocked: then there are no candidates. */
    public record PromptFeedback(@Nullable String blockReason) {
    }

    /**
     * Token counts: {@code promptTokenCount} includes the cached content's tokens; thoughts are counted apart from
     * the candidates.
     */
    public record UsageMetadata(@Nullable Long promptTokenCount, @Nullable Long candidatesTokenCount,
                                @Nullable Long cachedContentTokenCount, @Nullable Long thoughtsTokenCount,
                                @Nullable Long toolUsePromptTokenCount) {
    }
}
