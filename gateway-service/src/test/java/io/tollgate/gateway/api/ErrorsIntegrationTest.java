package io.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every refusal in OpenAI's error shape, with the right status, type and code, and metered once authenticated. */
class ErrorsIntegrationTest extends GatewayIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void unknown_missing_and_malformed_keys_are_401_invalid_api_key() {
        var world = world();
        var wrongSecret = world.key().plaintext().substring(0, 11) + "x".repeat(32);

        assertError(sdkCall("tg_" + "A".repeat(32), world.mockModel()), 401, "authentication_error", "invalid_api_key");
        assertError(sdkCall(wrongSecret, world.mockModel()), 401, "authentication_error", "invalid_api_key");
        assertError(sdkCall("not-a-key", world.mockModel()), 401, "authentication_error", "invalid_api_key");
        var missing = post("/chat/completions", null, "application/json", chat(world.mockModel()));
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("\"code\":\"missing_api_key\"");
    }

    @Test
    void revoked_expired_and_suspended_say_which() {
        var world = world();
        var expired = SEEDER.key(world.tenant(), world.app(), Instant.parse("2020-01-01T00:00:00Z"));
        var revoked = SEEDER.key(world.tenant(), world.app(), null);
        SEEDER.jdbc().sql("update api_keys set status = 'REVOKED', revoked_at = now() where id = ?").param(revoked.id()).update();
        awaitSnapshot(s -> s.keyByPrefix(revoked.prefix()).filter(k -> k.revoked()).isPresent()
                && s.keyByPrefix(expired.prefix()).isPresent());

        var revokedError = assertError(sdkCall(revoked.plaintext(), world.mockModel()), 401, "authentication_error", "api_key_revoked");
        assertThat(revokedError.getMessage()).contains("revoked");
        assertError(sdkCall(expired.plaintext(), world.mockModel()), 401, "authentication_error", "api_key_expired");

        SEEDER.jdbc().sql("update tenants set status = 'SUSPENDED' where id = ?").param(world.tenant()).update();
        awaitSnapshot(s -> s.tenant(world.tenant()).filter(t -> t.suspended()).isPresent());
        assertError(sdkCall(world.key().plaintext(), world.mockModel()), 401, "authentication_error", "tenant_suspended");
        awaitMeteringFlush();
        assertThat(countEvents(world.key().id()) + countEvents(revoked.id()) + countEvents(expired.id()))
                .as("refused keys never authenticated, so nothing is metered").isZero();
    }

    @Test
    void a_model_without_an_approved_subscription_is_403_and_an_unknown_model_404() {
        var world = world();
        String pending = SEEDER.model(SEEDER.mockProvider("{}"), "mock-gpt", "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), pending, "PENDING");
        awaitSnapshot(s -> s.model(pending).isPresent());

        assertError(sdkCall(world.key().plaintext(), pending), 403, "permission_error", "model_not_subscribed");
        var unknown = assertError(sdkCall(world.key().plaintext(), "no-such-model"), 404, "invalid_request_error", "model_not_found");
        assertThat(unknown.param()).hasValue("model");

        var events = events(world.key().id(), 2);
        assertThat(events).extracting(e -> e.get("status_code")).containsExactlyInAnyOrder(403, 404);
        assertThat(events).allSatisfy(e -> assertThat(e).containsEntry("served_model", null).containsEntry("prompt_tokens", 0));
    }

    @Test
    void malformed_bodies_and_missing_fields_are_400_naming_the_field() {
        var world = world();
        String key = world.key().plaintext();

        var malformed = post("/chat/completions", key, "application/json", "{\"model\": ");
        var noModel = post("/chat/completions", key, "application/json", "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        var noMessages = post("/chat/completions", key, "application/json", "{\"model\":\"" + world.mockModel() + "\"}");
        var noInput = post("/embeddings", key, "application/json", "{\"model\":\"" + world.mockModel() + "\"}");
        var wrongType = post("/chat/completions", key, "application/json", "{\"model\":42,\"messages\":[]}");

        assertRaw(malformed, 400, "invalid_request_error", "invalid_json", null);
        assertRaw(noModel, 400, "invalid_request_error", "missing_required_parameter", "model");
        assertRaw(noMessages, 400, "invalid_request_error", "missing_required_parameter", "messages");
        assertRaw(noInput, 400, "invalid_request_error", "missing_required_parameter", "input");
        assertRaw(wrongType, 400, "invalid_request_error", "invalid_type", "model");
    }

    @Test
    void oversized_bodies_are_413_and_other_content_types_415() {
        var world = world();
        String huge = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}]}";

        assertRaw(post("/chat/completions", world.key().plaintext(), "application/json", huge), 413,
                "invalid_request_error", "request_too_large", null);
        assertRaw(post("/chat/completions", world.key().plaintext(), "text/plain", chat(world.mockModel())), 415,
                "invalid_request_error", "unsupported_media_type", null);
    }

    @Test
    void unknown_paths_are_404_in_openai_shape_and_the_request_id_is_echoed() {
        var response = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/assistants")).header("x-request-id", "client-id-42").GET());

        assertRaw(response, 404, "invalid_request_error", "not_found", null);
        assertThat(response.headers().firstValue("x-request-id")).hasValue("client-id-42");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void upstream_failures_become_502_and_upstream_complaints_about_the_request_pass_through() {
        var world = world();
        UUID provider = SEEDER.openAiCompatibleProvider(UPSTREAM.baseUrl());
        String failing = SEEDER.model(provider, "upstream-fail", "1", "1", "1");
        String rejecting = SEEDER.model(provider, "upstream-bad-request", "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), failing, "APPROVED");
        SEEDER.subscribe(world.tenant(), world.app(), rejecting, "APPROVED");
        awaitSnapshot(s -> s.model(rejecting).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent()
                && s.model(failing).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent());

        assertError(sdkCall(world.key().plaintext(), failing), 502, "upstream_error", "upstream_error");
        var rejected = assertError(sdkCall(world.key().plaintext(), rejecting), 400, "invalid_request_error",
                "upstream_rejected_request");
        assertThat(rejected.getMessage()).contains("Invalid value for 'temperature'");
        // a stream that fails before its first event is answered as JSON, not as an event stream
        String streamed = "{\"model\":\"" + failing + "\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        assertRaw(post("/chat/completions", world.key().plaintext(), "application/json", streamed), 502,
                "upstream_error", "upstream_error", null);
        assertThat(events(world.key().id(), 3)).extracting(e -> e.get("status_code")).containsExactlyInAnyOrder(502, 400, 502);
    }

    @Test
    void a_provider_whose_base_url_is_no_url_is_502_saying_so() {
        var world = world();
        String misconfigured = SEEDER.model(SEEDER.openAiCompatibleProvider("http://exa mple/v1"), "bad-url", "1", "1", "1");
        SEEDER.subscribe(world.tenant(), world.app(), misconfigured, "APPROVED");
        awaitSnapshot(s -> s.model(misconfigured).flatMap(m -> s.approvedSubscription(world.app(), m.id())).isPresent());

        var error = assertError(sdkCall(world.key().plaintext(), misconfigured), 502, "upstream_error", "upstream_misconfigured");
        assertThat(error.getMessage()).contains("base URL");
        assertThat(events(world.key().id(), 1)).extracting(e -> e.get("status_code")).containsExactly(502);
    }

    private OpenAIServiceException sdkCall(String key, String model) {
        return catchThrowableOfType(OpenAIServiceException.class, () -> client(key).chat().completions()
                .create(ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build()));
    }

    private static OpenAIServiceException assertError(OpenAIServiceException error, int status, String type, String code) {
        assertThat(error).as("expected an error response").isNotNull();
        assertThat(error.statusCode()).isEqualTo(status);
        assertThat(error.type()).hasValue(type);
        assertThat(error.code()).hasValue(code);
        assertThat(error.headers().values("x-request-id")).isNotEmpty();
        return error;
    }

    private static void assertRaw(HttpResponse<String> response, int status, String type, String code, String param) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        assertThat(response.body()).contains("\"type\":\"" + type + "\"").contains("\"code\":\"" + code + "\"")
                .contains(param == null ? "\"param\":null" : "\"param\":\"" + param + "\"");
    }

    private static String chat(String model) {
        return "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    }

    private HttpResponse<String> post(String path, String key, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
