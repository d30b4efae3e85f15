package io.tollgate.portal.admin.providers;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credential a Bedrock provider stores, in the form the gateway reads: a Bedrock API key as it is, or AWS access
 * keys as {@code {"accessKeyId", "secretAccessKey", "sessionToken"?}}.
 */
final class BedrockCredential {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BedrockCredential() {
    }

    static String accessKeys(String accessKeyId, String secretAccessKey, @Nullable String sessionToken) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("accessKeyId", accessKeyId.strip());
        keys.put("secretAccessKey", secretAccessKey.strip());
        if (sessionToken != null && !sessionToken.isBlank()) {
            keys.put("sessionToken", sessionToken.strip());
        }
        return JSON.writeValueAsString(keys);
    }
}
