package io.tollgate.gateway.provider.bedrock.schema;

import org.jspecify.annotations.Nullable;

/** The answer of a Titan text embeddings call: the vector and the tokens of its input. */
public record TitanEmbeddingResponse(float @Nullable [] embedding, @Nullable Long inputTextTokenCount) {
}
