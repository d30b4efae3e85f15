package io.tollgate.model.usage;

/** The endpoint a metered request called: OpenAI's chat, completions and embeddings, or Anthropic's messages. */
public enum Endpoint {
    CHAT,
    COMPLETIONS,
    EMBEDDINGS,
    MESSAGES
}
