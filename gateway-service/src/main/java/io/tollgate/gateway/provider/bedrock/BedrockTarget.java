package io.tollgate.gateway.provider.bedrock;

import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.snapshot.ProviderEntry;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Where a Bedrock provider's requests go and how they are authorized, read once per provider version. The region is
 * the provider setting {@code region}; the URL {@code https://bedrock-runtime.{region}.amazonaws.com} unless a base
 * URL (a VPC endpoint, say) replaces it. The credential is either a Bedrock API key (sent as a bearer token) or the
 * AWS access keys as JSON, {@code {"accessKeyId", "secretAccessKey", "sessionToken"?}} (requests signed with SigV4).
 *
 * @param keys   the access keys when the credential is one; null for an API key
 * @param apiKey the API key when the credential is one; null for access keys
 */
record BedrockTarget(String region, String base, @Nullable AwsCredentialsIdentity keys, @Nullable String apiKey) {

    static final String REGION_SETTING = "region";

    /** Throws the rejection a misconfigured provider's requests get. */
    static BedrockTarget of(ProviderEntry provider) {
        String region = provider.setting(REGION_SETTING).map(String::strip).filter(r -> r.matches("[a-z0-9-]+"))
                .orElseThrow(() -> misconfigured("The Bedrock provider has no valid AWS region setting."));
        String base = provider.baseUrl() != null && !provider.baseUrl().isBlank() ? provider.baseUrl()
                : "https://bedrock-runtime." + region + ".amazonaws.com";
        String credential = provider.credentialValue().map(String::strip)
                .orElseThrow(() -> misconfigured("The Bedrock provider has no credential."));
        if (!credential.startsWith("{")) {
            return new BedrockTarget(region, trimmed(base), null, credential);
        }
        return new BedrockTarget(region, trimmed(base), accessKeys(credential), null);
    }

    URI converse(String modelId) {
        return uri(modelId, "/converse");
    }

    URI converseStream(String modelId) {
        return uri(modelId, "/converse-stream");
    }

    URI invoke(String modelId) {
        return uri(modelId, "/invoke");
    }

    /** A model id may be an ARN (with {@code :} and {@code /}): one encoded path segment. */
    private URI uri(String modelId, String operation) {
        try {
            var uri = new URI(base + "/model/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8)
                    .replace("+", "%20") + operation);
            if (uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw misconfigured("The Bedrock provider's base URL is not a valid URL.");
    }

    private static AwsCredentialsIdentity accessKeys(String json) {
        JsonNode keys;
        try {
            keys = BedrockJson.BEDROCK.readTree(json);
        } catch (JacksonException e) {
            throw misconfigured("The Bedrock provider's access keys are not valid JSON.");
        }
        String id = text(keys, "accessKeyId").orElse(null);
        String secret = text(keys, "secretAccessKey").orElse(null);
        if (id == null || secret == null) {
            throw misconfigured("The Bedrock provider's access keys lack accessKeyId or secretAccessKey.");
        }
        return text(keys, "sessionToken").<AwsCredentialsIdentity>map(token -> AwsSessionCredentialsIdentity.create(id, secret, token))
                .orElseGet(() -> AwsCredentialsIdentity.create(id, secret));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? Optional.of(value.asString().strip()) : Optional.empty();
    }

    private static String trimmed(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static RejectedException misconfigured(String message) {
        return Rejection.upstream(502, "upstream_misconfigured", message).asException();
    }

    @Override
    public String toString() {
        return "BedrockTarget[" + region + ", " + base + ", " + (keys != null ? "access keys" : "API key") + "]";
    }
}
