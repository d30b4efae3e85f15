package io.tollgate.gateway.api;

import io.tollgate.gateway.error.ErrorWriter;
import io.tollgate.gateway.error.RejectedException;
import io.tollgate.gateway.error.Rejection;
import io.tollgate.gateway.pipeline.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every failure that escapes a handler in OpenAI's error shape (Anthropic's below {@code /v1/messages}),
 * with the request id, and never with a stack trace or an internal message: unknown paths, wrong methods, and
 * unexpected errors alike.
 */
@Component
@Order(-2)
public class GatewayExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    private final ErrorWriter writer;

    public GatewayExceptionHandler(ErrorWriter writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure);
        }
        RequestIds.apply(exchange);
        return writer.write(exchange, Endpoint.shapeOfPath(exchange.getRequest().getPath().value()),
                rejectionFor(exchange, failure));
    }

    private static Rejection rejectionFor(ServerWebExchange exchange, Throwable failure) {
        if (failure instanceof RejectedException rejected) {
            return rejected.rejection();
        }
        if (failure instanceof ResponseStatusException status) {
            int code = status.getStatusCode().value();
            return switch (code) {
                case 404 -> Rejection.notFound("Unknown request URL: " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value() + ".");
                case 405 -> new Rejection(405, Rejection.INVALID_REQUEST, null, "method_not_allowed",
                        "Method " + exchange.getRequest().getMethod() + " is not allowed here.");
                case 413 -> new Rejection(413, Rejection.INVALID_REQUEST, null, "request_too_large",
                        "The request body is too large.");
                case 415 -> new Rejection(415, Rejection.INVALID_REQUEST, null, "unsupported_media_type",
                        "The content type must be application/json.");
                default -> code < 500 ? new Rejection(code, Rejection.INVALID_REQUEST, null, null, "Bad request.")
                        : Rejection.internal();
            };
        }
        log.error("Unexpected failure on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(),
                failure);
        return Rejection.internal();
    }
}
