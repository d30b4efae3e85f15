package io.tollgate.model.catalog;

public enum ProviderType {
    OPENAI,
    OPENAI_COMPATIBLE,
    AZURE_OPENAI,
    ANTHROPIC,
    GEMINI,
    BEDROCK,
    MOCK;

    /** Served with OpenAI's wire format, whose streams the gateway asks for usage with {@code stream_options}. */
    public boolean speaksOpenAiWire() {
        return this == OPENAI || this == OPENAI_COMPATIBLE || this == AZURE_OPENAI;
    }
}
