package io.tollgate.portal.admin.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tollgate.portal.security.PortalUser;
import io.tollgate.portal.support.Catalog;
import io.tollgate.portal.support.PortalIntegrationTest;
import io.tollgate.portal.support.Tenants;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/**
 * The connection test over real HTTP against fake providers: a Bedrock provider's test is a Converse call signed with
 * SigV4 (the signature recomputed here from what arrived) or sent with its API key, and every failure shows the
 * provider's own error text.
 */
@PortalIntegrationTest
class ConnectionCheckIntegrationTest {

    private static final String MODEL_ID = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEXAMPLETOKEN";

    @Autowired
    ConnectionCheck connections;
    @Autowired
    ProviderAdminService providers;
    @Autowired
    DeploymentAdminService deployments;
    @Autowired
    JdbcClient jdbc;

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer fake;
    private volatile Answer answer;

    record Received(String method, String rawPath, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    record Answer(int status, Map<String, String> headers, String body) {
    }

    @BeforeEach
    void setUp() throws IOException {
        PortalUser platformAdmin = new Tenants(jdbc).newPlatformUser("ADMIN");
        Tenants.signIn(platformAdmin);
        fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", this::answer);
        fake.start();
    }

    @AfterEach
    void tearDown() {
        Tenants.signOut();
        fake.stop(0);
    }

    @Test
    void a_bedrock_test_signs_a_converse_call_with_sigv4_and_shows_the_providers_own_error_text() throws Exception {
        answer = new Answer(403, Map.of("x-amzn-ErrorType", "UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/"),
                "{\"message\":\"The security token included in the request is invalid.\"}");
        UUID provider = bedrockProvider(BedrockCredential.accessKeys(KEY_ID, SECRET, SESSION_TOKEN));

        String result = connections.check(provider);

        assertThat(result).isEqualTo("Failed: HTTP 403 (model " + MODEL_ID + "): "
                + "The security token included in the request is invalid.");
        Received call = received.getFirst();
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.rawPath()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(new String(call.body(), StandardCharsets.UTF_8)).contains("\"maxTokens\":1");
        String date = call.header("X-Amz-Date");
        assertThat(call.header("Authorization")).startsWith("AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/"
                + date.substring(0, 8) + "/eu-central-1/bedrock/aws4_request, SignedHeaders=");
        assertThat(call.header("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
        assertThat(call.header("Authorization")).isEqualTo(signatureOf(call));
    }

    @Test
    void a_bedrock_api_key_is_sent_as_a_bearer_token_and_a_model_that_answers_is_ok() {
        answer = new Answer(200, Map.of(), """
                {"output":{"message":{"role":"assistant","content":[{"text":"Pong"}]}},"stopReason":"max_tokens",
                 "usage":{"inputTokens":8,"outputTokens":1,"totalTokens":9},"metrics":{"latencyMs":210}}""");
        UUID provider = bedrockProvider("ABSKQmVkcm9ja0FQSUtleQ==");

        assertThat(connections.check(provider)).isEqualTo("OK: HTTP 200 (model " + MODEL_ID + ")");
        assertThat(received).singleElement().satisfies(call -> {
            assertThat(call.header("Authorization")).isEqualTo("Bearer ABSKQmVkcm9ja0FQSUtleQ==");
            assertThat(call.header("X-Amz-Date")).isNull();
        });
    }

    @Test
    void a_bedrock_provider_without_an_enabled_deployment_is_not_called() {
        UUID provider = providers.save(null, new ProviderDraft("bedrock-" + UUID.randomUUID(), "BEDROCK",
                "http://127.0.0.1:" + fake.getAddress().getPort(), true, "eu-central-1", true, null, null, null), "ABSKQmVkcm9ja0FQSUtleQ==");

        assertThat(connections.check(provider)).startsWith("Not tested: Bedrock has no model list to call");
        assertThat(received).isEmpty();
    }

    @Test
    void an_openai_providers_refusal_shows_its_message_with_the_key_masked() {
        answer = new Answer(401, Map.of(), """
                {"error":{"message":"Incorrect API key provided: sk-proj-AbCdEfGhIjKlMnOpQrStUvWx. You can find your API key at https://platform.openai.com/account/api-keys.",
                 "type":"invalid_request_error","param":null,"code":"invalid_api_key"}}""");
        UUID provider = providers.save(null, new ProviderDraft("openai-" + UUID.randomUUID(), "OPENAI",
                "http://127.0.0.1:" + fake.getAddress().getPort() + "/v1", true, null, true, null, null, null), "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx");

        String result = connections.check(provider);

        assertThat(result).startsWith("Failed: HTTP 401: Incorrect API key provided: ***. You can find your API key at")
                .doesNotContain("AbCdEfGhIjKlMnOpQrStUvWx");
        assertThat(received).singleElement().satisfies(call -> assertThat(call.rawPath()).isEqualTo("/v1/models"));
    }

    private UUID bedrockProvider(String credential) {
        UUID provider = providers.save(null, new ProviderDraft("bedrock-" + UUID.randomUUID(), "BEDROCK",
                "http://127.0.0.1:" + fake.getAddress().getPort(), true, "eu-central-1", true, null, null, null), credential);
        deployments.add(provider, new DeploymentDraft(Catalog.newModel(jdbc, false), MODEL_ID, 100, 0, true, null, null,
                null, null, null, null, null, null));
        return provider;
    }

    /** The SigV4 signature of the request as it arrived, computed with the SDK's signer at its X-Amz-Date. */
    private static String signatureOf(Received call) {
        var signedAt = LocalDateTime.parse(call.header("X-Amz-Date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"))
                .toInstant(ZoneOffset.UTC);
        var request = SdkHttpRequest.builder().method(SdkHttpMethod.valueOf(call.method()))
                .uri(URI.create("http://" + call.header("Host") + call.rawPath()))
                .putHeader("Content-Type", call.header("Content-Type")).build();
        var signed = AwsV4HttpSigner.create().sign(sign -> sign
                .identity(AwsSessionCredentialsIdentity.create(KEY_ID, SECRET, SESSION_TOKEN)).request(request)
                .payload(ContentStreamProvider.fromByteArrayUnsafe(call.body()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "eu-central-1")
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)));
        return signed.request().firstMatchingHeader("Authorization").orElseThrow();
    }

    private void answer(HttpExchange exchange) throws IOException {
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes()));
        Answer reply = answer;
        byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach(exchange.getResponseHeaders()::add);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(reply.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
