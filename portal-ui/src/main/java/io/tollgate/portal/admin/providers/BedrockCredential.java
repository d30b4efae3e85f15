package io.tollgate.portal.admin.providers;

import io.tollgate.portal.common.PortalException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credential a Bedrock provider stores, in the form the gateway reads: a Bedrock API key as it is, or AWS access
 * keys as {@code {"accessKeyId", "secretAccessKey", "sessionToken"?}}.
 */
public final class BedrockCredential {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BedrockCredential() {
    }

    /** Both the key id and the secret are needed; a session token is optional (temporary credentials). */
    public static String accessKeys(@Nullable String accessKeyId, @Nullable String secretAccessKey,
                                    @Nullable String sessionToken) {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new PortalException(ProviderForm.KEY_PAIR_RULE);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("accessKeyId", accessKeyId.strip());
        keys.put("secretAccessKey", secretAccessKey.strip());
        if (sessionToken != null && !sessionToken.isBlank()) {
            keys.put("sessionToken", sessionToken.strip());
        }
        return JSON.writeValueAsString(keys);
    }
}
