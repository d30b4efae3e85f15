package io.tollgate.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tollgate.gateway.pipeline.Endpoint;
import io.tollgate.gateway.support.GatewayIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

/** Which requests the shortcut answers itself and which it passes on to WebFlux. */
class ModelRequestShortcutIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    private ModelRequestShortcut shortcut;

    private final List<String> passedOn = new ArrayList<>();
    private final HttpHandler webFlux = (request, response) -> {
        passedOn.add(request.getMethod() + " " + request.getPath().value());
        response.setStatusCode(HttpStatus.I_AM_A_TEAPOT);
        return response.setComplete();
    };

    @Test
    void every_model_endpoint_is_answered_by_the_model_handler_itself() {
        for (Endpoint endpoint : Endpoint.values()) {
            var response = new MockServerHttpResponse();
            shortcut.apply(webFlux).handle(MockServerHttpRequest.post(endpoint.apiPath())
                    .contentType(MediaType.TEXT_PLAIN).body("hello"), response).block();

            assertThat(response.getStatusCode()).as(endpoint.path()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            assertThat(response.getBodyAsString().block()).contains("\"code\":\"unsupported_media_type\"");
            assertThat(response.getHeaders().getFirst(RequestIds.HEADER)).startsWith("req_");
        }
        assertThat(passedOn).isEmpty();
    }

    @Test
    void other_methods_and_paths_take_webfluxs_way() {
        var requests = List.of(MockServerHttpRequest.get("/v1/chat/completions").build(),
                MockServerHttpRequest.get("/v1/models").build(),
                MockServerHttpRequest.post("/v1/models").build(),
                MockServerHttpRequest.post("/v1/chat/completions/extra").build(),
                MockServerHttpRequest.get("/healthz").build());
        for (var request : requests) {
            var response = new MockServerHttpResponse();
            shortcut.apply(webFlux).handle(request, response).block();
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.I_AM_A_TEAPOT);
        }
        assertThat(passedOn).containsExactly("GET /v1/chat/completions", "GET /v1/models", "POST /v1/models",
                "POST /v1/chat/completions/extra", "GET /healthz");
    }
}
