package io.tollgate.gateway.provider.bedrock.schema;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /model/amazon.titan-embed-text-*}/invoke}: one text per call.
 *
 * @param dimensions 256, 512 or 1024 (Titan Text Embeddings V2 only); absent for the model's default
 */
public record TitanEmbeddingRequest(String inputText, @Nullable Integer dimensions) {
}
