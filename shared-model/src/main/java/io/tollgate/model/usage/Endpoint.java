package io.tollgate.model.usage;

/** The OpenAI-compatible endpoint a metered request called. */
public enum Endpoint {
    CHAT,
    COMPLETIONS,
    EMBEDDINGS
}
