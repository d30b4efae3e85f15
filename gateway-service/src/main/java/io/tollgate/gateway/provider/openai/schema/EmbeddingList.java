package io.tollgate.gateway.provider.openai.schema;

import java.util.List;

/** The answer of {@code /embeddings}. */
public record EmbeddingList(String object, List<Embedding> data, String model, EmbeddingUsage usage) {

    public record Embedding(String object, int index, float[] embedding) {
    }

    public record EmbeddingUsage(long promptTokens, long totalTokens) {
    }
}
