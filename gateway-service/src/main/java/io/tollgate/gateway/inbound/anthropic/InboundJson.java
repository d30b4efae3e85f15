package io.tollgate.gateway.inbound.anthropic;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The inbound API's mappers. */
final class InboundJson {

    /**
     * Client bodies: a key named twice in one object is refused, as on OpenAI's endpoints (the gateway and the
     * provider could otherwise read different values).
     */
    static final JsonMapper CLIENT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Canonical (OpenAI) answers, read into the OpenAI wire records. */
    static final JsonMapper CANONICAL = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private InboundJson() {
    }
}
