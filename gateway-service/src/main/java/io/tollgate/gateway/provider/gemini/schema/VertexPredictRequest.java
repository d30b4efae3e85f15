package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Vertex AI's text embeddings: the body of {@code publishers/google/models/{model}:predict}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VertexPredictRequest(List<Instance> instances, @Nullable Parameters parameters) {

    public record Instance(String content) {
    }

    public record Parameters(int outputDimensionality) {
    }
}
