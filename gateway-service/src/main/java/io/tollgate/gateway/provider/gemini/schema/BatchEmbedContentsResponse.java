package io.tollgate.gateway.provider.gemini.schema;

import java.util.List;

/** The embeddings of a batchEmbedContents call, in the order of its requests. */
public record BatchEmbedContentsResponse(List<ContentEmbedding> embeddings) {

    public record ContentEmbedding(float[] values) {
    }
}
