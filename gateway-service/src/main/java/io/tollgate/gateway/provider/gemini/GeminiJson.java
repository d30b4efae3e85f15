package io.tollgate.gateway.provider.gemini;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The JSON mapper of the Gemini translators: Gemini's names are the records' names (camelCase). */
final class GeminiJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private GeminiJson() {
    }

    static JsonNode read(byte[] json) {
        return MAPPER.readTree(json);
    }

    static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }

    static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }

    static byte[] write(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
