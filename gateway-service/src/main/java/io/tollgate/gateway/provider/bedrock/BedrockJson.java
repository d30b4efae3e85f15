package io.tollgate.gateway.provider.bedrock;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The two wire formats' mappers: Bedrock's (camelCase, absent fields left out, unknown ones ignored) and OpenAI's. */
final class BedrockJson {

    static final JsonMapper BEDROCK = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    static final JsonMapper OPENAI = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private BedrockJson() {
    }
}
