package io.tollgate.gateway.snapshot;

/** The values of {@code providers.type}. */
public enum ProviderType {
    OPENAI, OPENAI_COMPATIBLE, AZURE_OPENAI, ANTHROPIC, GEMINI, BEDROCK, MOCK
}
