package io.tollgate.gateway.tracing;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.model.catalog.ProviderType;
import java.util.Locale;

/** Names and values of OpenTelemetry's GenAI semantic conventions, as the gateway's spans use them. */
final class GenAiAttributes {

    static final String OPERATION = "gen_ai.operation.name";
    static final String PROVIDER = "gen_ai.provider.name";
    static final String REQUEST_MODEL = "gen_ai.request.model";
    static final String RESPONSE_MODEL = "gen_ai.response.model";
    static final String INPUT_TOKENS = "gen_ai.usage.input_tokens";
    static final String OUTPUT_TOKENS = "gen_ai.usage.output_tokens";
    static final String ERROR_TYPE = "error.type";
    static final String STATUS = "http.response.status_code";

    private GenAiAttributes() {
    }

    static String operation(Endpoint endpoint) {
        return switch (endpoint) {
            case CHAT, MESSAGES -> "chat";
            case COMPLETIONS -> "text_completion";
            case EMBEDDINGS -> "embeddings";
            default -> endpoint.name().toLowerCase(Locale.ROOT);
        };
    }

    /** The conventions' well-known provider names; a type they do not name goes by its own. */
    static String provider(ProviderType type) {
        return switch (type) {
            case OPENAI -> "openai";
            case AZURE_OPENAI -> "azure.ai.openai";
            case ANTHROPIC -> "anthropic";
            case GEMINI -> "gcp.gemini";
            case BEDROCK -> "aws.bedrock";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
