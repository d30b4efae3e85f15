package io.tollgate.gateway.provider.bedrock;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.UpstreamErrors;
import io.tollgate.gateway.provider.bedrock.schema.TitanEmbeddingRequest;
import io.tollgate.gateway.provider.bedrock.schema.TitanEmbeddingResponse;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI embeddings through Bedrock: Converse has none, so they go to the Amazon Titan text embedding models'
 * {@code InvokeModel} ({@code POST /model/{modelId}/invoke}), which takes one text per call; the answers become one
 * OpenAI embedding list, its prompt tokens the sum of Titan's {@code inputTextTokenCount}s. Other embedding model
 * families speak other bodies and are refused.
 */
final class BedrockEmbeddings {

    private BedrockEmbeddings() {
    }

    /** The Titan bodies, one per input text in order. */
    static List<byte[]> requests(byte[] openAiBody, String modelId) {
        if (!modelId.contains("titan-embed-text")) {
            throw invalid("model", "Through AWS Bedrock this gateway serves embeddings from Amazon Titan text "
                    + "embedding models (amazon.titan-embed-text-*) only.");
        }
        JsonNode body;
        try {
            body = BedrockJson.OPENAI.readTree(openAiBody);
        } catch (JacksonException e) {
            throw invalid(null, "The request body is not valid JSON.");
        }
        Integer dimensions = body.path("dimensions").isIntegralNumber() ? body.path("dimensions").asInt() : null;
        List<byte[]> requests = new ArrayList<>();
        for (String text : inputs(body.path("input"))) {
            requests.add(BedrockJson.BEDROCK.writeValueAsBytes(new TitanEmbeddingRequest(text, dimensions)));
        }
        return requests;
    }

    /** Titan's answers, in input order, as OpenAI's list; throws {@link UpstreamErrors#invalidResponse()} on others. */
    static Translated list(List<byte[]> answers, String model) {
        ObjectNode list = BedrockJson.OPENAI.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        long tokens = 0;
        for (int i = 0; i < answers.size(); i++) {
            TitanEmbeddingResponse answer;
            try {
                answer = BedrockJson.BEDROCK.readValue(answers.get(i), TitanEmbeddingResponse.class);
            } catch (JacksonException e) {
                throw UpstreamErrors.invalidResponse();
            }
            if (answer == null || answer.embedding() == null) {
                throw UpstreamErrors.invalidResponse();
            }
            ObjectNode embedding = data.addObject().put("object", "embedding").put("index", i);
            ArrayNode values = embedding.putArray("embedding");
            for (float value : answer.embedding()) {
                values.add(value);
            }
            tokens += answer.inputTextTokenCount() == null ? 0 : Math.max(0, answer.inputTextTokenCount());
        }
        list.put("model", model);
        list.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return new Translated(BedrockJson.OPENAI.writeValueAsBytes(list), tokens);
    }

    record Translated(byte[] body, long promptTokens) {
    }

    private static List<String> inputs(JsonNode input) {
        if (input.isString()) {
            return List.of(input.asString());
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : input) {
            if (!item.isString()) {
                throw invalid("input", "Titan embedding models take text input only, not token arrays.");
            }
            texts.add(item.asString());
        }
        if (texts.isEmpty()) {
            throw invalid("input", "The input has no text to embed.");
        }
        return texts;
    }

    private static RejectedException invalid(@Nullable String param, String message) {
        return Rejection.invalidRequest(param, "unsupported_for_provider", message).asException();
    }
}
