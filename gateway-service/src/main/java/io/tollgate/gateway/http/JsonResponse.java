package io.tollgate.gateway.http;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** A JSON body that is already bytes (an error), written as it is on WebFlux's routes: no codec lookup. */
public final class JsonResponse implements ServerResponse {

    private final HttpStatusCode status;
    private final byte[] body;

    private JsonResponse(int status, byte[] body) {
        this.status = HttpStatusCode.valueOf(status);
        this.body = body;
    }

    public static JsonResponse of(int status, byte[] body) {
        return new JsonResponse(status, body);
    }

    @Override
    public HttpStatusCode statusCode() {
        return status;
    }

    @Override
    public HttpHeaders headers() {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return HttpHeaders.readOnlyHttpHeaders(headers);
    }

    @Override
    public MultiValueMap<String, ResponseCookie> cookies() {
        return new LinkedMultiValueMap<>();
    }

    @Override
    public Mono<Void> writeTo(ServerWebExchange exchange, Context context) {
        return write(exchange);
    }

    /** Writes the answer outside a handler too (an error handler has an exchange, not a handler's context). */
    public Mono<Void> write(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
