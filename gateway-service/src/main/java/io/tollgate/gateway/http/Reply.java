package io.tollgate.gateway.http;

import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/** What a model request answers: a JSON body that is already bytes (a provider's answer, an error), or an event stream. */
public sealed interface Reply {

    static Json json(int status, byte[] body) {
        return new Json(status, body, null, null);
    }

    /** A JSON body with one header of its own (such as the request's cost). */
    static Json json(int status, byte[] body, AsciiString headerName, String headerValue) {
        return new Json(status, body, headerName, headerValue);
    }

    static EventStream events(Flux<byte[]> events) {
        return new EventStream(events);
    }

    record Json(int status, byte[] body, @Nullable AsciiString headerName, @Nullable String headerValue)
            implements Reply {
    }

    /** Server-sent events, each element one whole event, flushed as it comes. */
    record EventStream(Flux<byte[]> events) implements Reply {
    }
}
