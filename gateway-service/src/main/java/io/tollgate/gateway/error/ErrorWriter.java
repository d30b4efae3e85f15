package io.tollgate.gateway.error;

import io.tollgate.gateway.http.Json;
import io.tollgate.gateway.http.JsonResponse;
import io.tollgate.gateway.http.Reply;
import java.io.ByteArrayOutputStream;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/** The one place a {@link Rejection} becomes OpenAI's error JSON. */
@Component
public class ErrorWriter {

    public byte[] body(Rejection rejection) {
        var out = new ByteArrayOutputStream(160);
        try (JsonGenerator generator = Json.FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
            generator.writeStartObject();
            generator.writeName("error");
            generator.writeStartObject();
            generator.writeStringProperty("message", rejection.message());
            generator.writeStringProperty("type", rejection.type());
            generator.writeStringProperty("param", rejection.param());
            generator.writeStringProperty("code", rejection.code());
            generator.writeEndObject();
            generator.writeEndObject();
        }
        return out.toByteArray();
    }

    public Reply.Json reply(Rejection rejection) {
        return Reply.json(rejection.status(), body(rejection));
    }

    public Mono<ServerResponse> response(Rejection rejection) {
        return Mono.just(JsonResponse.of(rejection.status(), body(rejection)));
    }

    /** For failures outside a handler (unknown paths, errors before a stream's first byte). */
    public Mono<Void> write(ServerWebExchange exchange, Rejection rejection) {
        return JsonResponse.of(rejection.status(), body(rejection)).write(exchange);
    }
}
