package io.tollgate.gateway.error;

import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.http.JsonResponse;
import io.tollgate.gateway.http.Reply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/** The one place a {@link Rejection} becomes an error body: OpenAI's shape, or the shape of the route's API. */
@Component
public class ErrorWriter {

    public byte[] body(Rejection rejection) {
        return body(ErrorShape.OPENAI, rejection);
    }

    public byte[] body(ErrorShape shape, Rejection rejection) {
        var out = new ByteArrayOutputStream(160);
        try (JsonGenerator generator = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeStartObject();
            shape.write(generator, rejection);
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    public Reply.Json reply(ErrorShape shape, Rejection rejection) {
        return Reply.json(rejection.status(), body(shape, rejection));
    }

    /** The server-sent event that ends a stream which failed after its first event. */
    public byte[] event(ErrorShape shape, Rejection rejection) {
        var event = new ByteArrayOutputStream(200);
        event.writeBytes(shape.eventPrefix().getBytes(StandardCharsets.US_ASCII));
        event.writeBytes(body(shape, rejection));
        event.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return event.toByteArray();
    }

    public Mono<ServerResponse> response(Rejection rejection) {
        return Mono.just(JsonResponse.of(rejection.status(), body(rejection)));
    }

    /** For failures outside a handler (unknown paths, errors before a stream's first byte). */
    public Mono<Void> write(ServerWebExchange exchange, ErrorShape shape, Rejection rejection) {
        return JsonResponse.of(rejection.status(), body(shape, rejection)).write(exchange);
    }
}
