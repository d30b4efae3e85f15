package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Sampling and output options of a generateContent request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerationConfig(@Nullable List<String> stopSequences, @Nullable String responseMimeType,
                               @Nullable JsonNode responseJsonSchema, @Nullable Integer candidateCount,
                               @Nullable Integer maxOutputTokens, @Nullable Double temperature,
                               @Nullable Double topP, @Nullable Integer topK, @Nullable Integer seed,
                               @Nullable Double presencePenalty, @Nullable Double frequencyPenalty) {

    @JsonIgnore
    public boolean isEmpty() {
        return stopSequences == null && responseMimeType == null && responseJsonSchema == null && candidateCount == null
                && maxOutputTokens == null && temperature == null && topP == null && topK == null && seed == null
                && presencePenalty == null && frequencyPenalty == null;
    }
}
