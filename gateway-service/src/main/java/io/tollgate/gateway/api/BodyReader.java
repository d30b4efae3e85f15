package io.tollgate.gateway.api;

import io.netty.buffer.ByteBuf;
import io.tollgate.gateway.error.Rejection;
import java.util.Arrays;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

/** Reads a request body into one byte array, refusing it with 413 as soon as it passes the limit. */
final class BodyReader {

    private byte[] bytes;
    private int size;
    private final int maxBytes;

    private BodyReader(int expectedBytes, int maxBytes) {
        this.bytes = new byte[expectedBytes];
        this.maxBytes = maxBytes;
    }

    /** @param declaredLength the request's content length, -1 when it has none (then it is read up to the limit) */
    static Mono<byte[]> read(HttpServerRequest request, long declaredLength, int maxBytes) {
        int expected = declaredLength >= 0 && declaredLength <= maxBytes ? (int) declaredLength : Math.min(maxBytes, 1024);
        return request.receive()
                .collect(() -> new BodyReader(expected, maxBytes), BodyReader::append)
                .map(BodyReader::bytes);
    }

    static Rejection tooLarge(int maxBytes) {
        return new Rejection(413, Rejection.INVALID_REQUEST, null, "request_too_large",
                "The request body exceeds the limit of " + maxBytes + " bytes.");
    }

    private void append(ByteBuf chunk) {
        int length = chunk.readableBytes();
        if (length > maxBytes - size) {
            throw tooLarge(maxBytes).asException();
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(maxBytes, Math.max(size + length, bytes.length * 2)));
        }
        chunk.getBytes(chunk.readerIndex(), bytes, size, length);
        size += length;
    }

    private byte[] bytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
