package io.tollgate.portal.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client of the management API, as a script would be: a bearer token, JSON in and out. */
public final class ManagementApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An answer; {@code json} is the parsed body (an empty object when the body is not JSON). */
    public record Reply(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return body.isBlank() || !(body.startsWith("{") || body.startsWith("[")) ? JSON.createObjectNode()
                    : JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public ManagementApi(int port) {
        this.port = port;
    }

    public Reply get(@Nullable String token, String path) {
        return send(token, "GET", path, null, Map.of());
    }

    public Reply post(@Nullable String token, String path, @Nullable String json) {
        return send(token, "POST", path, json, Map.of());
    }

    public Reply send(@Nullable String token, String method, String path, @Nullable String json,
                      Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
