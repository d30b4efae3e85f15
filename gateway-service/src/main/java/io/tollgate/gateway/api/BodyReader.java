package io.tollgate.gateway.api;

import io.netty.buffer.ByteBuf;
import io.tollgate.gateway.error.Rejection;
import java.util.Arrays;

/** Gathers a request body into one byte array, up to a limit. */
final class BodyReader {

    private byte[] bytes;
    private int size;
    private final int maxBytes;

    /** @param declaredLength the request's content length, -1 when it has none (then it is read up to the limit) */
    BodyReader(long declaredLength, int maxBytes) {
        int expected = declaredLength >= 0 && declaredLength <= maxBytes ? (int) declaredLength : Math.min(maxBytes, 1024);
        this.bytes = new byte[expected];
        this.maxBytes = maxBytes;
    }

    static Rejection tooLarge(int maxBytes) {
        return new Rejection(413, Rejection.INVALID_REQUEST, null, "request_too_large",
                "The request body exceeds the limit of " + maxBytes + " bytes.");
    }

    /** Adds a piece of the body; false, adding nothing, when the body would pass the limit. */
    boolean append(ByteBuf chunk) {
        int length = chunk.readableBytes();
        if (length > maxBytes - size) {
            return false;
        }
        if (size + length > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.min(maxBytes, Math.max(size + length, bytes.length * 2)));
        }
        chunk.getBytes(chunk.readerIndex(), bytes, size, length);
        size += length;
        return true;
    }

    byte[] bytes() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
