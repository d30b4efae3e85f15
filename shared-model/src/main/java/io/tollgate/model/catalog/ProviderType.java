package io.tollgate.model.catalog;

public enum ProviderType {
    OPENAI,
    OPENAI_COMPATIBLE,
    AZURE_OPENAI,
    ANTHROPIC,
    GEMINI,
    BEDROCK,
    MOCK
}
