package io.tollgate.portal.admin.providers;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connection test's request to a Bedrock provider, made as the gateway's Bedrock adapter makes its calls: Converse
 * at {@code https://bedrock-runtime.{region}.amazonaws.com} (or the provider's base URL), signed with the AWS SDK's
 * SigV4 signer (service {@code bedrock}) for access keys, or with the Bedrock API key as a bearer token. Bedrock's
 * runtime has no model list, so the test asks one deployed model for a single output token.
 */
final class BedrockConnection {

    static final String SERVICE = "bedrock";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] ONE_TOKEN = """
            {"messages":[{"role":"user","content":[{"text":"ping"}]}],"inferenceConfig":{"maxTokens":1}}"""
            .getBytes(StandardCharsets.UTF_8);

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final Clock clock;

    BedrockConnection(Clock clock) {
        this.clock = clock;
    }

    /** The signed Converse request; a credential that is neither access keys nor an API key is refused. */
    HttpRequest converse(String region, @Nullable String baseUrl, String modelId, String credential, Duration timeout) {
        String base = baseUrl == null || baseUrl.isBlank() ? "https://bedrock-runtime." + region + ".amazonaws.com"
                : baseUrl.strip().replaceAll("/+$", "");
        URI uri = URI.create(base + "/model/" + URLEncoder.encode(modelId, StandardCharsets.UTF_8).replace("+", "%20")
                + "/converse");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(ONE_TOKEN));
        String stored = credential.strip();
        if (!stored.startsWith("{")) {
            return request.header("Authorization", "Bearer " + stored).build();
        }
        var unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                .putHeader("Content-Type", "application/json").build();
        var signed = signer.sign(sign -> sign.identity(accessKeys(stored)).request(unsigned)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(ONE_TOKEN))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        // the HTTP client sets Host (the one the signature covers) itself and refuses it as a header
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host") && !name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    private static AwsCredentialsIdentity accessKeys(String json) {
        JsonNode keys;
        try {
            keys = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the stored access keys are not valid JSON");
        }
        String id = keys.path("accessKeyId").asString("");
        String secret = keys.path("secretAccessKey").asString("");
        if (id.isBlank() || secret.isBlank()) {
            throw new IllegalArgumentException("the stored access keys lack the key ID or the secret");
        }
        String token = keys.path("sessionToken").asString("");
        return token.isBlank() ? AwsCredentialsIdentity.create(id, secret)
                : AwsSessionCredentialsIdentity.create(id, secret, token);
    }
}
