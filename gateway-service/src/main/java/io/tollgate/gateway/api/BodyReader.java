package io.tollgate.gateway.api;

import io.tollgate.gateway.error.Rejection;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Reads a request body into one byte array, refusing it with 413 as soon as it passes the limit. */
final class BodyReader {

    private BodyReader() {
    }

    static Mono<byte[]> read(ServerRequest request, int maxBytes) {
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge(maxBytes).asException());
    }

    static Rejection tooLarge(int maxBytes) {
        return new Rejection(413, Rejection.INVALID_REQUEST, null, "request_too_large",
                "The request body exceeds the limit of " + maxBytes + " bytes.");
    }
}
