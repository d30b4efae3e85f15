package io.tollgate.gateway.provider.gemini.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Vertex AI's text embeddings, one prediction per instance, each with its input's token count. */
public record VertexPredictResponse(@Nullable List<Prediction> predictions) {

    public record Prediction(@Nullable Embeddings embeddings) {
    }

    public record Embeddings(float @Nullable [] values, @Nullable Statistics statistics) {
    }

    public record Statistics(@JsonProperty("token_count") long tokenCount) {
    }
}
