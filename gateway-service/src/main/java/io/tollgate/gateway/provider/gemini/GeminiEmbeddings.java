package io.tollgate.gateway.provider.gemini;

import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.provider.gemini.schema.BatchEmbedContentsRequest;
import io.tollgate.gateway.provider.gemini.schema.BatchEmbedContentsResponse;
import io.tollgate.gateway.provider.gemini.schema.Content;
import io.tollgate.gateway.provider.gemini.schema.Part;
import io.tollgate.gateway.provider.gemini.schema.VertexPredictRequest;
import io.tollgate.gateway.provider.gemini.schema.VertexPredictResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAI embeddings requests and answers in Gemini's terms: AI Studio's {@code batchEmbedContents} (one request per
 * input text; it reports no token counts) and Vertex AI's {@code :predict} (one instance per text, each with its
 * {@code token_count}). Either way the answer is OpenAI's embedding list.
 */
final class GeminiEmbeddings {

    /** An OpenAI body and the prompt tokens the provider reported, if it did. */
    record Translated(byte[] body, OptionalLong promptTokens) {
    }

    private GeminiEmbeddings() {
    }

    static byte[] batchRequest(byte[] openAiBody, String model) {
        JsonNode body = GeminiJson.read(openAiBody);
        Integer dimensions = dimensions(body);
        List<BatchEmbedContentsRequest.EmbedContentRequest> requests = new ArrayList<>();
        for (String text : inputs(body)) {
            requests.add(new BatchEmbedContentsRequest.EmbedContentRequest("models/" + model,
                    new Content(null, List.of(Part.text(text))), dimensions));
        }
        return GeminiJson.write(new BatchEmbedContentsRequest(requests));
    }

    static byte[] predictRequest(byte[] openAiBody) {
        JsonNode body = GeminiJson.read(openAiBody);
        Integer dimensions = dimensions(body);
        return GeminiJson.write(new VertexPredictRequest(inputs(body).stream().map(VertexPredictRequest.Instance::new).toList(),
                dimensions == null ? null : new VertexPredictRequest.Parameters(dimensions)));
    }

    static Translated fromBatch(byte[] answer, String model, long countedPromptTokens) {
        var response = GeminiJson.read(answer, BatchEmbedContentsResponse.class);
        if (response.embeddings() == null) {
            throw new IllegalArgumentException("no embeddings");
        }
        List<float[]> vectors = new ArrayList<>();
        for (var embedding : response.embeddings()) {
            if (embedding == null || embedding.values() == null) {
                throw new IllegalArgumentException("an embedding without values");
            }
            vectors.add(embedding.values());
        }
        return new Translated(list(vectors, model, countedPromptTokens), OptionalLong.empty());
    }

    static Translated fromPredict(byte[] answer, String model) {
        var response = GeminiJson.read(answer, VertexPredictResponse.class);
        if (response.predictions() == null) {
            throw new IllegalArgumentException("no predictions");
        }
        List<float[]> vectors = new ArrayList<>();
        long tokens = 0;
        for (var prediction : response.predictions()) {
            if (prediction.embeddings() == null || prediction.embeddings().values() == null) {
                throw new IllegalArgumentException("a prediction without embeddings");
            }
            vectors.add(prediction.embeddings().values());
            tokens += prediction.embeddings().statistics() == null ? 0 : prediction.embeddings().statistics().tokenCount();
        }
        return new Translated(list(vectors, model, tokens), OptionalLong.of(tokens));
    }

    private static byte[] list(List<float[]> vectors, String model, long promptTokens) {
        ObjectNode list = GeminiJson.object();
        list.put("object", "list");
        ArrayNode data = list.putArray("data");
        for (int i = 0; i < vectors.size(); i++) {
            ObjectNode embedding = data.addObject();
            embedding.put("object", "embedding");
            embedding.put("index", i);
            ArrayNode values = embedding.putArray("embedding");
            for (float value : vectors.get(i)) {
                values.add(value);
            }
        }
        list.put("model", model);
        list.putObject("usage").put("prompt_tokens", promptTokens).put("total_tokens", promptTokens);
        return GeminiJson.write(list);
    }

    private static List<String> inputs(JsonNode body) {
        JsonNode input = body.path("input");
        if (input.isString()) {
            return List.of(input.asString());
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : input) {
            if (!item.isString()) {
                throw Rejection.invalidRequest("input", "unsupported_input",
                        "Gemini embedding models take text input only, not token arrays.").asException();
            }
            texts.add(item.asString());
        }
        if (texts.isEmpty()) {
            throw Rejection.invalidRequest("input", "missing_input", "The input has no text to embed.").asException();
        }
        return texts;
    }

    private static @Nullable Integer dimensions(JsonNode body) {
        return body.path("dimensions").isNumber() ? body.path("dimensions").asInt() : null;
    }
}
