package io.tollgate.gateway.provider.gemini.schema;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The embeddings of a batchEmbedContents call, in the order of its requests. */
public record BatchEmbedContentsResponse(@Nullable List<ContentEmbedding> embeddings) {

    public record ContentEmbedding(float @Nullable [] values) {
    }
}
